/**
 * The one route table. The CDK stack builds one Lambda function per entry and one API Gateway
 * route per `routes` line; the local server mounts the same handlers from the same lines.
 * A route key is written exactly as API Gateway HTTP APIs write it: `METHOD /path/{param}`.
 */
export interface FunctionRoutes {
  /** Short name, used for the Lambda function's construct id. */
  name: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  entry: string;
  /** What the function is for, shown in the AWS console. */
  description: string;
  routes: string[];
  /** Lambda memory in MB; imports and exports need more than plain reads. */
  memoryMb?: number;
  timeoutSeconds?: number;
  /**
   * A job the function runs on a schedule (EventBridge Scheduler in AWS; locally an npm script).
   * `expression` is a Scheduler expression read in `timeZone`; the function receives
   * `{ job, scheduledTime }`.
   */
  schedule?: { expression: string; timeZone: string; description: string };
  /**
   * The function reads the gateway merchants' credentials and bank accounts (in AWS the
   * merchants secret in Secrets Manager; locally the environment or `.data/merchants.json`).
   */
  paymentMerchants?: boolean;
}

const crud = (resource: string): string[] => [
  `GET /api/${resource}`,
  `POST /api/${resource}`,
  `GET /api/${resource}/{id}`,
  `PUT /api/${resource}/{id}`,
  `DELETE /api/${resource}/{id}`,
];

export const functionRoutes: FunctionRoutes[] = [
  {
    name: 'health',
    entry: 'functions/health/handler.ts',
    description: 'Liveness check of the API and its table',
    routes: ['GET /api/health'],
  },
  {
    name: 'auth',
    entry: 'functions/auth/handler.ts',
    description: 'Sign-in, sign-out, the current user and password changes',
    routes: [
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'POST /api/auth/password',
    ],
    // scrypt needs memory and CPU; Lambda gives CPU in proportion to memory.
    memoryMb: 1024,
  },
  {
    name: 'access',
    entry: 'functions/access/handler.ts',
    description: 'Users of each account and the audit trail',
    routes: [
      ...crud('users'),
      'POST /api/users/{id}/password',
      'GET /api/audit-events',
      'GET /api/audit-events/{id}',
    ],
    memoryMb: 1024,
  },
  {
    name: 'register',
    entry: 'functions/register/handler.ts',
    description: 'Administrative units, accounts and the household register',
    routes: [
      ...crud('units'),
      ...crud('accounts'),
      ...crud('households'),
      'POST /api/households/import',
      'GET /api/stats/register',
    ],
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    name: 'collections',
    entry: 'functions/collections/handler.ts',
    description: 'Collections (pickups), their batch upload and each household sorting record',
    routes: [
      ...crud('collections'),
      'POST /api/collections/import',
      'GET /api/households/{id}/sorting-record',
    ],
    // A 500-row import reads and writes in batches; more memory is more CPU.
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    name: 'kpis',
    entry: 'functions/kpis/handler.ts',
    description: 'KPIs against targets, the annual review, targets, emission factors, open data',
    routes: [
      'GET /api/kpis',
      'GET /api/kpis/review',
      'POST /api/kpis/review',
      ...crud('targets'),
      ...crud('emission-factors'),
      'GET /api/public/stats',
    ],
    memoryMb: 512,
  },
  {
    name: 'billing',
    entry: 'functions/billing/handler.ts',
    description: 'Price plans, invoices, invoice payments, statements, finance views and billing runs',
    routes: [
      ...crud('price-plans'),
      'GET /api/invoices',
      'GET /api/invoices/{id}',
      'GET /api/invoices/{id}/print',
      'POST /api/invoices/{id}/void',
      'GET /api/accounts/{id}/statement',
      'GET /api/invoice-payments',
      'GET /api/invoice-payments/{id}',
      'POST /api/invoice-payments',
      'GET /api/billing-runs',
      'GET /api/billing-runs/{id}',
      'POST /api/billing-runs',
      'GET /api/finance/ageing',
      'GET /api/finance/monthly',
      'GET /api/finance/free-period',
    ],
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    name: 'fees',
    entry: 'functions/fees/handler.ts',
    description: 'Household fee schedules, fee bills, bill runs and the unpaid report per hamlet',
    routes: [
      ...crud('fee-schedules'),
      'GET /api/bills',
      'GET /api/bills/unpaid-by-hamlet',
      'GET /api/bills/{id}',
      'POST /api/bills/run',
      'POST /api/bills/{id}/waive',
      'POST /api/bills/{id}/cancel',
    ],
    // A run of a city bills its wards one after the other, in transactions of 20 bills.
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    name: 'public',
    entry: 'functions/public/handler.ts',
    description: 'Resident look-up: wards, unpaid bills by household code and phone, paying them',
    routes: [
      'GET /api/public/units',
      'GET /api/public/households/lookup',
      'POST /api/public/households/lookup',
      'POST /api/public/households/pay',
      'GET /api/public/attempts/{id}',
    ],
    memoryMb: 512,
    // Starting a MoMo, ZaloPay or payOS payment waits for the gateway's answer.
    timeoutSeconds: 29,
    paymentMerchants: true,
  },
  {
    name: 'payments',
    entry: 'functions/payments/handler.ts',
    description: 'Household fee payments: cash receipts, bank statements, review, daily totals',
    routes: [
      'GET /api/payments',
      'GET /api/payments/daily',
      'GET /api/payments/{id}',
      'POST /api/payments/cash',
      'POST /api/payments/bank-statement',
      'POST /api/payments/{id}/resolve',
    ],
    // A statement of 200 lines settles them one after the other.
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    name: 'webhooks',
    entry: 'functions/webhooks/handler.ts',
    description: 'Payment gateway notifications, and paying an account invoice online',
    routes: [
      'GET /api/webhooks/vnpay',
      'POST /api/webhooks/momo',
      'POST /api/webhooks/zalopay',
      'POST /api/webhooks/payos',
      'POST /api/invoices/{id}/pay',
    ],
    // MoMo waits 15 s for its answer; starting an invoice payment waits for the gateway.
    timeoutSeconds: 14,
    paymentMerchants: true,
  },
  {
    name: 'paymentsPending',
    entry: 'functions/payments/pending.ts',
    description: 'Asks the gateways about payment attempts still pending after 15 minutes',
    routes: [],
    schedule: {
      expression: 'rate(5 minutes)',
      timeZone: 'Asia/Ho_Chi_Minh',
      description: 'Settles or expires online payments whose notification did not arrive',
    },
    // Each attempt is one query to its gateway (10 s timeout at most) and one transaction.
    timeoutSeconds: 240,
    paymentMerchants: true,
  },
  {
    name: 'billingJob',
    entry: 'functions/billing/scheduled.ts',
    description: 'Monthly billing run for the month just ended, 00:15 on the 1st, Vietnam time',
    routes: [],
    // Vietnam keeps no daylight saving, so 00:15 ICT is always 17:15 UTC the day before.
    schedule: {
      expression: 'cron(15 0 1 * ? *)',
      timeZone: 'Asia/Ho_Chi_Minh',
      description: 'Bills the month just ended, shortly after midnight on the 1st (ICT)',
    },
    // A run is transactions of 24 invoices in sequence; 10,000 accounts fit well within this.
    memoryMb: 1024,
    timeoutSeconds: 900,
  },
];

/** Every route key of the table, in order. */
export const allRouteKeys = (): string[] => functionRoutes.flatMap((f) => f.routes);
