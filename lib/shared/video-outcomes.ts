// What the video interview actions report back to the recruiter's page.

export interface InviteOutcome {
  invited: { name: string; email: string; inviteUrl: string | null }[];
  /** Emails that already have an invitation to this interview: not sent again. */
  alreadyInvited: string[];
}

export interface RefreshOutcome {
  read: number;
  updated: number;
}
