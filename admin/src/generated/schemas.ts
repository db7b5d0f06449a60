import type { z } from 'zod';
import { ACCOUNT_INPUT_FIELDS, accountInputSchema } from '../../../shared/accounts/schema';
import { PRICE_PLAN_INPUT_FIELDS, pricePlanInputSchema } from '../../../shared/billing/schema';
import { FEE_SCHEDULE_INPUT_FIELDS, feeScheduleInputSchema } from '../../../shared/fees/schema';
import { HOUSEHOLD_INPUT_FIELDS, householdInputSchema } from '../../../shared/households/schema';
import { UNIT_INPUT_FIELDS, unitInputSchema } from '../../../shared/units/schema';
import { USER_INPUT_FIELDS, userInputSchema } from '../../../shared/users/schema';

export interface InputSchema {
  schema: z.ZodType;
  /** The fields the schema accepts; anything else in the form is server-owned or internal. */
  fields: readonly string[];
}

/** The same schemas the API validates with, by resource name. */
export const inputSchemas: Record<string, InputSchema> = {
  households: { schema: householdInputSchema, fields: HOUSEHOLD_INPUT_FIELDS },
  units: { schema: unitInputSchema, fields: UNIT_INPUT_FIELDS },
  accounts: { schema: accountInputSchema, fields: ACCOUNT_INPUT_FIELDS },
  users: { schema: userInputSchema, fields: USER_INPUT_FIELDS },
  'price-plans': { schema: pricePlanInputSchema, fields: PRICE_PLAN_INPUT_FIELDS },
  'fee-schedules': { schema: feeScheduleInputSchema, fields: FEE_SCHEDULE_INPUT_FIELDS },
};
