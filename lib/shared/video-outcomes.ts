// What the video interview actions report back to the recruiter's page.

export interface InviteOutcome {
  invited: { name: string; email: string; inviteUrl: string | null }[];
  /** Emails that already have an invitation to this interview: not sent again. */
  alreadyInvited: string[];
  /** Emails of people whose data was erased on request: not invited until an admin lifts that. */
  erased: string[];
}

export interface RefreshOutcome {
  read: number;
  updated: number;
}
