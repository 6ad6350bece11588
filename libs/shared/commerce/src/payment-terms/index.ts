export { addDays, daysInMonth, endOfMonth, isEndOfMonth, isLeapYear } from './calendar.js';
export * from './payment-terms.js';
