import { describe, expect, it } from "vitest";
import { apiDomainFor, apiDomainFromEnvironment } from "../../widget-src/crm/environment";

describe("API domain from the data centre", () => {
  it.each([
    ["US", "https://www.zohoapis.com"],
    ["EU", "https://www.zohoapis.eu"],
    ["IN", "https://www.zohoapis.in"],
    ["AU", "https://www.zohoapis.com.au"],
    ["JP", "https://www.zohoapis.jp"],
    ["CN", "https://www.zohoapis.com.cn"],
    ["CA", "https://www.zohoapis.ca"],
    ["SA", "https://www.zohoapis.sa"],
    ["eu", "https://www.zohoapis.eu"],
  ])("%s → %s", (deployment, domain) => {
    expect(apiDomainFor(deployment)).toBe(domain);
  });

  it("knows no domain for an unknown data centre", () => {
    expect(apiDomainFor("MARS")).toBeUndefined();
  });

  it("reads GetCurrentEnvironment's answer", () => {
    expect(apiDomainFromEnvironment({ deployment: "IN", ZGID: "1", appDetails: {} })).toBe("https://www.zohoapis.in");
    expect(apiDomainFromEnvironment({})).toBeUndefined();
    expect(apiDomainFromEnvironment("US")).toBeUndefined();
  });
});
