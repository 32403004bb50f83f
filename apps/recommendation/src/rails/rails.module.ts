import { Module } from '@nestjs/common';
import { CandidateQuery } from './candidate-query';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

/** The kids home and rails routes over the upstream ports and the features store. */
@Module({
  controllers: [HomeController],
  providers: [HomeService, CandidateQuery],
})
export class RailsModule {}
