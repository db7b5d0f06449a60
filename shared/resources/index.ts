import { accountResource } from '../accounts/resource';
import { auditResource } from '../audit/resource';
import { invoiceResource } from '../billing/invoice-resource';
import { paymentResource } from '../billing/payment-resource';
import { pricePlanResource } from '../billing/plan-resource';
import { billingRunResource } from '../billing/run-resource';
import { collectionResource } from '../collections/resource';
import { emissionFactorsResource } from '../emissions/resource';
import { billResource } from '../bills/resource';
import { feeScheduleResource } from '../fees/resource';
import { householdResource } from '../households/resource';
import { feePaymentResource } from '../payments/resource';
import { targetResource } from '../targets/resource';
import { unitResource } from '../units/resource';
import { userResource } from '../users/resource';
import type { ResourceDef } from './types';

/** Every resource of the register, in menu order. */
export const resources: ResourceDef[] = [
  householdResource,
  collectionResource,
  billResource,
  feePaymentResource,
  feeScheduleResource,
  unitResource,
  accountResource,
  invoiceResource,
  paymentResource,
  pricePlanResource,
  billingRunResource,
  targetResource,
  emissionFactorsResource,
  userResource,
  auditResource,
];

export const resourceByName = (name: string): ResourceDef | undefined =>
  resources.find((resource) => resource.name === name);
