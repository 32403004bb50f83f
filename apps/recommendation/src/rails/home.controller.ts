import { Controller, Get, Query } from '@nestjs/common';
import type { HomeRailsResponse, KidsHomeResponse } from '@mikasmissions/contracts-api';
import { Cache } from '@mikasmissions/cache';
import { Roles } from '@mikasmissions/service-identity';
import { HomeRailsQuery, KidsHomeQuery } from './dto/home.query';
import { HOME_CACHE } from './home-cache';
import { HomeService } from './home.service';

/** `GET /v1/kids/home` and `GET /v1/home/rails`: a child's safe home and rails. */
@Controller()
@Roles('parent', 'child', 'service')
export class HomeController {
  constructor(private readonly homes: HomeService) {}

  @Get('kids/home')
  @Cache(HOME_CACHE)
  home(@Query() query: KidsHomeQuery): Promise<KidsHomeResponse> {
    return this.homes.home(query.child_profile_id, query.mode);
  }

  @Get('home/rails')
  @Cache(HOME_CACHE)
  rails(@Query() query: HomeRailsQuery): Promise<HomeRailsResponse> {
    return this.homes.homeRails(query.child_profile_id);
  }
}
