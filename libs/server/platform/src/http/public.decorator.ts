import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'nexo:public';

/** Marks a route that needs no signed-in principal. Routes are private unless marked. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
