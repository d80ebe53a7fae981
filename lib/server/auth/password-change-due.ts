import "server-only";

/**
 * What server actions and the API answer a person whose temporary password is still to be
 * changed: until they choose their own, changing it is all they may do (pages send them to
 * CHANGE_PASSWORD_PATH in session.ts).
 */
export const PASSWORD_CHANGE_DUE_MESSAGE = "Choose a new password first: go to your account page.";
