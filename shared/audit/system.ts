/**
 * The user id and name the audit trail records for writes the platform makes on its own:
 * gateway webhooks, scheduled jobs, demo seeding. No real user has this id (user ids are
 * generated), so the admin can name it in the reader's language instead of showing it raw.
 */
export const SYSTEM_USER = 'system';
