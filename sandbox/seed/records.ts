/** About 50 synthetic records across the seeded modules. */
import type { CrmRecord, User } from "../api/model";
import type { JsonObject } from "../api/json";
import { MODULES, SEED, zid } from "./ids";
import { seedDate, seedTime } from "./time";

const U = SEED.users;
const R = SEED.records;

export type Builder = (id: string, ownerId: string, day: number, fields: JsonObject) => CrmRecord;

/** Builds records with Owner, Created_By (the administrator), Modified_By and times. */
export function recordBuilder(users: User[]): Builder {
  const owner = (id: string): JsonObject => {
    const u = users.find((x) => x.id === id);
    if (!u) throw new Error(`seed: unknown user ${id}`);
    return { name: `${u.first_name} ${u.last_name}`, id: u.id, email: u.email };
  };
  return (id, ownerId, day, fields) => ({
    id,
    ...fields,
    Owner: owner(ownerId),
    Created_By: owner(U.admin),
    Modified_By: owner(ownerId),
    Created_Time: seedTime(day),
    Modified_Time: seedTime(day + 3, 2),
  });
}

export function person(first: string, last: string, extra: JsonObject): JsonObject {
  return {
    First_Name: first,
    Last_Name: last,
    Full_Name: `${first} ${last}`,
    Email: `${first}.${last}@example.com`.toLowerCase(),
    ...extra,
  };
}

const ACCOUNTS: [id: string, name: string, industry: string, owner: string][] = [
  [R.accountManualLocked, "Quillfeather Labs", "Technology", U.standard],
  [R.accountManualOnly, "Brightwater Logistics", "Logistics", U.standard],
  [zid(112003), "Copperleaf Foods", "Retail", U.carla],
  [zid(112004), "Driftwood Media", "Media", U.eva],
  [zid(112005), "Elmstone Health", "Healthcare", U.salesManager],
  [zid(112006), "Foxglove Energy", "Manufacturing", U.finn],
  [zid(112007), "Granite Peak Tools", "Manufacturing", U.hugo],
  [zid(112008), "Hollowtree Studios", "Media", U.aiko],
];

function accountRef(index: number): JsonObject {
  const a = ACCOUNTS[index % ACCOUNTS.length];
  if (!a) throw new Error("seed: no accounts");
  return { name: a[1], id: a[0] };
}

export function seedRecords(users: User[]): Record<string, CrmRecord[]> {
  const rec = recordBuilder(users);

  const accounts = ACCOUNTS.map(([id, name, industry, owner], i) =>
    rec(id, owner, i, {
      Account_Name: name,
      Industry: industry,
      Phone: `+1 555 010 ${String(100 + i)}`,
      Website: `https://${name.toLowerCase().replace(/[^a-z]+/g, "-")}.example.com`,
      Rating: i % 2 === 0 ? "Active" : "Acquired",
      Annual_Revenue: 250000 * (i + 1),
      Description: `Synthetic account number ${i + 1}.`,
    }),
  );

  const deal = (id: string, owner: string, day: number, name: string, stage: string, amount: number, acct: number): CrmRecord =>
    rec(id, owner, day, {
      Deal_Name: name,
      Stage: stage,
      Amount: amount,
      Closing_Date: seedDate(day + 30),
      Probability: stage.startsWith("Closed Won") ? 100 : stage.startsWith("Closed") ? 0 : 40,
      Type: day % 2 === 0 ? "New Business" : "Existing Business",
      Account_Name: accountRef(acct),
      Description: `${name}: synthetic deal.`,
    });
  const deals = [
    deal(R.dealAutoLocked, U.standard, 3, "Orbit Renewal", "Closed Won", 48000, 0),
    deal(R.dealManualLocked, U.carla, 4, "Harbor Expansion", "Negotiation/Review", 125000, 1),
    deal(R.dealUnlocked, U.standard, 5, "Nimbus Pilot", "Qualification", 15000, 2),
    deal(R.dealShared, U.salesManager, 6, "Summit Upgrade", "Proposal/Price Quote", 62000, 3),
    deal(R.dealShareLimit, U.salesManager, 7, "Atlas Migration", "Needs Analysis", 90000, 4),
    deal(R.dealExcluded, U.dan, 8, "Pebble Add-on", "Qualification", 450, 5),
    deal(R.dealClosedWon2, U.gina, 9, "Beacon Retainer", "Closed Won", 30000, 6),
    deal(R.dealClosedLost, U.finn, 10, "Cedar Onboarding", "Closed Lost", 22000, 7),
    deal(zid(113009), U.eva, 11, "Delta Support Plan", "Value Proposition", 18000, 0),
    deal(zid(113010), U.hugo, 12, "Ember Training", "Id. Decision Makers", 9000, 1),
    deal(zid(113011), U.aiko, 13, "Fjord Licences", "Qualification", 27000, 2),
    deal(zid(113012), U.jonas, 14, "Glacier Integration", "Negotiation/Review", 54000, 3),
  ];

  const contactRows: [first: string, last: string, status: string, owner: string][] = [
    ["Paula", "Portal", "Active", U.standard],
    ["Carl", "Customer", "Active", U.standard],
    ["Petra", "Partner", "Active", U.carla],
    ["Quinn", "Query", "Active", U.eva],
    ["Rosa", "Example", "Active", U.salesManager],
    ["Silas", "Sample", "Churned", U.finn],
    ["Tara", "Test", "Active", U.gina],
    ["Uli", "Demo", "Active", U.hugo],
    ["Vera", "Mock", "Active", U.aiko],
    ["Wes", "Placeholder", "Churned", U.jonas],
    ["Xena", "Fictional", "Do Not Contact", U.kim],
    ["Yves", "Invented", "Active", U.lou],
  ];
  const contacts = contactRows.map(([first, last, status, owner], i) =>
    rec(zid(111001 + i), owner, i, person(first, last, {
      Phone: `+1 555 020 ${String(100 + i)}`,
      Title: i % 3 === 0 ? "Purchasing Manager" : "Engineer",
      Account_Name: accountRef(i),
      Contact_Status: status,
      Description: null,
    })),
  );

  const leadRows: [first: string, last: string, company: string, status: string, owner: string][] = [
    ["Lars", "Lead", "Example Widgets", "Not Contacted", U.standard],
    ["Mona", "Prospect", "Sample Gadgets", "Contacted", U.standard],
    ["Ned", "Inquiry", "Demo Tooling", "Attempted to Contact", U.carla],
    ["Olga", "Webform", "Placeholder Textiles", "Pre-Qualified", U.dan],
    ["Pete", "Tradeshow", "Mock Motors", "Contact in Future", U.eva],
    ["Rhea", "Referral", "Fictional Farms", "Junk Lead", U.finn],
    ["Stan", "Coldcall", "Invented Inks", "Lost Lead", U.gina],
    ["Tina", "Download", "Synthetic Steel", "Not Contacted", U.noRestriction],
  ];
  const leads = leadRows.map(([first, last, company, status, owner], i) =>
    rec(zid(110001 + i), owner, i, person(first, last, {
      Company: company,
      Phone: `+1 555 030 ${String(100 + i)}`,
      Lead_Status: status,
      Lead_Source: i % 2 === 0 ? "Web Download" : "Trade Show",
      Annual_Revenue: 100000 + 5000 * i,
      Description: null,
    })),
  );

  const dealRef = (d: CrmRecord): JsonObject => ({ name: d["Deal_Name"] ?? null, id: d.id });
  const [d0, , d2, d3] = deals;
  if (!d0 || !d2 || !d3) throw new Error("seed: deals missing");
  const task = (id: string, owner: string, day: number, subject: string, status: string, what: CrmRecord): CrmRecord =>
    rec(id, owner, day, {
      Subject: subject,
      Status: status,
      Priority: "Normal",
      Due_Date: seedDate(day + 7),
      What_Id: dealRef(what),
      $se_module: MODULES.deals,
      Description: null,
    });
  const tasks = [
    task(R.taskClosed, U.standard, 3, "Send signed contract copy", "Closed", d0),
    task(R.taskOpen, U.standard, 5, "Schedule pilot kickoff", "Not Started", d2),
    task(zid(114003), U.standard, 6, "Prepare pilot success criteria", "In Progress", d2),
    task(zid(114004), U.salesManager, 7, "Review upgrade proposal", "Waiting for input", d3),
    task(zid(114005), U.carla, 8, "Follow up on pricing", "Deferred", d3),
    task(zid(114006), U.gina, 9, "Quarterly check-in", "Not Started", d0),
  ];

  const projectRows: [name: string, stage: string, budget: number, owner: string][] = [
    ["Warehouse Automation", "Active", 80000, U.standard],
    ["Portal Refresh", "Planning", 25000, U.salesManager],
    ["Data Cleanup", "On Hold", 5000, U.kim],
    ["Field Service Rollout", "Delivered", 120000, U.finn],
  ];
  const projects = projectRows.map(([name, stage, budget, owner], i) =>
    rec(zid(115001 + i), owner, i + 2, {
      Name: name,
      Project_Stage: stage,
      Budget: budget,
      Start_Date: seedDate(i * 10),
      Description: null,
    }),
  );

  const shipments = [
    rec(R.shipment, U.standard, 4, { Name: "Shipment SH-0001", shipx__Tracking_Number: "TRK-0000001", shipx__Shipment_Status: "In Transit" }),
    rec(zid(116002), U.carla, 5, { Name: "Shipment SH-0002", shipx__Tracking_Number: "TRK-0000002", shipx__Shipment_Status: "Delivered" }),
  ];

  const [p0, p1] = projects;
  const [c0, c1] = contacts;
  if (!p0 || !p1 || !c0 || !c1) throw new Error("seed: projects/contacts missing");
  const link = (id: string, n: number, p: CrmRecord, c: CrmRecord): CrmRecord =>
    rec(id, U.standard, 6, {
      Name: `PC-${n}`,
      Project: { name: p["Name"] ?? null, id: p.id },
      Contact: { name: c["Full_Name"] ?? null, id: c.id },
    });
  const links = [link(R.projectContact, 1, p0, c0), link(zid(117002), 2, p1, c1)];

  return {
    [MODULES.leads]: leads,
    [MODULES.contacts]: contacts,
    [MODULES.accounts]: accounts,
    [MODULES.deals]: deals,
    [MODULES.tasks]: tasks,
    [MODULES.projects]: projects,
    [MODULES.extension]: shipments,
    [MODULES.linking]: links,
  };
}
