/** What a user-management action tells the admin: done, or why not. */
export type UserActionResult = { ok: boolean; message: string };
