/** Settings an installer may need to change in one place. */
export const CONFIG = {
  /** Link name of the optional fallback connection (README: "Fallback connection"). */
  connectionLinkName: "recordguardcrm",
  /** Per attempt; the SDK itself never times out. */
  requestTimeoutMs: 15_000,
  readRetries: 2,
  backoffMs: 400,
  /** How long to wait for CRM to answer init before showing "open inside CRM". */
  bootTimeoutMs: 8_000,
} as const;
