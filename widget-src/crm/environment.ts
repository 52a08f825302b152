/** Data centre (CONFIG.GetCurrentEnvironment().deployment) to CRM API domain. */
import { isRecord } from "./result";

const API_DOMAINS: Record<string, string> = {
  US: "https://www.zohoapis.com",
  EU: "https://www.zohoapis.eu",
  IN: "https://www.zohoapis.in",
  AU: "https://www.zohoapis.com.au",
  JP: "https://www.zohoapis.jp",
  CN: "https://www.zohoapis.com.cn",
  CA: "https://www.zohoapis.ca",
  SA: "https://www.zohoapis.sa",
};

export function apiDomainFor(deployment: string): string | undefined {
  return API_DOMAINS[deployment.trim().toUpperCase()];
}

export function apiDomainFromEnvironment(environment: unknown): string | undefined {
  if (!isRecord(environment) || typeof environment.deployment !== "string") return undefined;
  return apiDomainFor(environment.deployment);
}
