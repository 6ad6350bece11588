import { Injectable } from '@nestjs/common';
import { NumberSeriesRecords } from '@nexo/db';

export type { NumberSeriesRow } from '@nexo/db';

/**
 * The series the settings routes list and edit. `platform.number_series` is the database
 * library's table (`Numbering` issues from it): its queries are there, this is their name here.
 */
@Injectable()
export class NumberSeriesRepository extends NumberSeriesRecords {}
