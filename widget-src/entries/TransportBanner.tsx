import { useEffect, useState } from "preact/hooks";
import type { CrmPort } from "../crm/port";
import { FallbackBanner } from "../ui/Screens";

/**
 * Says so, on every page, while calls go through the fallback connection:
 * they then run as the connection's owner, not as the signed-in user.
 */
export function TransportBanner({ port }: { port: Pick<CrmPort, "transport" | "onTransportChange"> }) {
  const [transport, setTransport] = useState(port.transport());
  useEffect(() => {
    port.onTransportChange(setTransport);
    // A page starts its first reads in a layout effect, before this effect runs, so the switch may already have happened.
    setTransport(port.transport());
  }, [port]);
  return transport === "connection" ? <FallbackBanner /> : null;
}
