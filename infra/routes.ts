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
