// Who may read the local mail area (/courrier): the captured mail of a demo and its outbox. It
// shows messages whose links open bookings, so it is never public (docs/decisions/017). Until
// staff sign-in exists (issue 9, where an administrator will get it through a permission), only
// the machine itself may, and only when mail is captured rather than sent.

export type LocalMailRequest = {
  /** No SMTP_URL: mail is written to files instead of sent. */
  mailCaptured: boolean;
  /** The TCP peer of the request (not a forwarded header). */
  socketAddress: string;
  /** The client address after TRUST_PROXY (what rate limits see). */
  clientAddress: string;
  /** The request came through a proxy (Forwarded / X-Forwarded-For present): from elsewhere, then. */
  forwarded: boolean;
  /** The host name the request was addressed to. */
  hostname: string;
  /** APP_URL's host name. */
  appHostname: string;
};

export type LocalMailAnswer = { allowed: true } | { allowed: false; reason: "NOT_CAPTURED" | "NOT_LOCAL" };

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 form. */
export function isLoopbackAddress(address: string): boolean {
  const ipv4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4);
}

export function mayReadLocalMail(request: LocalMailRequest): LocalMailAnswer {
  if (!request.mailCaptured) return { allowed: false, reason: "NOT_CAPTURED" };
  const local =
    isLoopbackAddress(request.socketAddress) &&
    isLoopbackAddress(request.clientAddress) &&
    !request.forwarded &&
    // A page elsewhere cannot reach it through a DNS name pointed at 127.0.0.1 (DNS rebinding).
    (LOOPBACK_NAMES.has(request.hostname) || request.hostname === request.appHostname);
  return local ? { allowed: true } : { allowed: false, reason: "NOT_LOCAL" };
}
