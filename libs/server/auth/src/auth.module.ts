import { Module } from '@nestjs/common';
import { UserRepository } from './users/user.repository.js';
import { UserService } from './users/user.service.js';

@Module({
  providers: [UserRepository, UserService],
  exports: [UserService],
})
export class AuthModule {}
