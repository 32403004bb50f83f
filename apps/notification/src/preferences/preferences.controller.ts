import { Body, Controller, Get, Put } from '@nestjs/common';
import type { Schema } from '@mikasmissions/contracts-api';
import { Roles } from '@mikasmissions/service-identity';
import { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { PreferencesService } from './preferences.service';

/** `GET`/`PUT /v1/parents/notifications/preferences`: the calling parent's own (role `parent` only). */
@Roles('parent')
@Controller('parents/notifications/preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  get(): Promise<Schema<'NotificationPreferences'>> {
    return this.preferences.get();
  }

  @Put()
  update(@Body() dto: UpdatePreferencesDto): Promise<Schema<'NotificationPreferences'>> {
    return this.preferences.update(dto);
  }
}
