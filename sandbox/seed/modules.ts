/** Seeded module and field metadata, and custom buttons. */
import type { CustomButton, FieldDef, ModuleDef, ModuleKind } from "../api/model";
import { MODULES, SEED, zid } from "./ids";

function mod(api: keyof typeof SEED.moduleIds, singular: string, plural: string, kind: ModuleKind, nameField: string): ModuleDef {
  return { id: SEED.moduleIds[api], api_name: api, singular_label: singular, plural_label: plural, kind, nameField };
}

export function seedModules(): ModuleDef[] {
  return [
    mod("Leads", "Lead", "Leads", "standard", "Full_Name"),
    mod("Contacts", "Contact", "Contacts", "standard", "Full_Name"),
    mod("Accounts", "Account", "Accounts", "standard", "Account_Name"),
    mod("Deals", "Deal", "Deals", "standard", "Deal_Name"),
    mod("Tasks", "Task", "Tasks", "standard", "Subject"),
    mod("Projects__c", "Project", "Projects", "custom", "Name"),
    mod("shipx__Shipments", "Shipment", "Shipments", "extension", "Name"),
    mod("Project_Contacts", "Project Contact", "Project Contacts", "linking", "Name"),
    mod("Locking_Information__s", "Locking Information", "Locking Information", "system", "Name"),
    // Last, so that the ids of the other modules' fields and picklist values stay as they were.
    mod("Notes", "Note", "Notes", "standard", "Note_Title"),
  ];
}

interface FieldOpts {
  readOnly?: boolean;
  mandatory?: boolean;
  custom?: boolean;
  picklist?: string[];
  lookup?: string;
}
type FieldSpec = [api_name: string, label: string, data_type: string, opts?: FieldOpts];

const SYSTEM_FIELDS: FieldSpec[] = [
  ["Owner", "Owner", "ownerlookup"],
  ["Created_By", "Created By", "ownerlookup", { readOnly: true }],
  ["Modified_By", "Modified By", "ownerlookup", { readOnly: true }],
  ["Created_Time", "Created Time", "datetime", { readOnly: true }],
  ["Modified_Time", "Modified Time", "datetime", { readOnly: true }],
];
const LOCKED_FIELD: FieldSpec = ["Locked__s", "Locked", "boolean", { readOnly: true }];

const STAGES = [
  "Qualification",
  "Needs Analysis",
  "Value Proposition",
  "Id. Decision Makers",
  "Proposal/Price Quote",
  "Negotiation/Review",
  "Closed Won",
  "Closed Lost",
  "Closed-Lost to Competition",
];

const FIELD_SPECS: Record<string, FieldSpec[]> = {
  Leads: [
    ["First_Name", "First Name", "text"],
    ["Last_Name", "Last Name", "text", { mandatory: true }],
    ["Full_Name", "Lead Name", "text", { readOnly: true }],
    ["Company", "Company", "text"],
    ["Email", "Email", "email"],
    ["Phone", "Phone", "phone"],
    ["Lead_Status", "Lead Status", "picklist", {
      picklist: ["-None-", "Attempted to Contact", "Contact in Future", "Contacted", "Junk Lead", "Lost Lead", "Not Contacted", "Pre-Qualified"],
    }],
    ["Lead_Source", "Lead Source", "picklist", { picklist: ["-None-", "Advertisement", "Cold Call", "Trade Show", "Web Download", "Partner"] }],
    ["Annual_Revenue", "Annual Revenue", "currency"],
    ["Description", "Description", "textarea"],
    LOCKED_FIELD,
  ],
  Contacts: [
    ["First_Name", "First Name", "text"],
    ["Last_Name", "Last Name", "text", { mandatory: true }],
    ["Full_Name", "Contact Name", "text", { readOnly: true }],
    ["Email", "Email", "email"],
    ["Phone", "Phone", "phone"],
    ["Title", "Title", "text"],
    ["Account_Name", "Account Name", "lookup", { lookup: "Accounts" }],
    ["Contact_Status", "Contact Status", "picklist", { custom: true, picklist: ["Active", "Churned", "Do Not Contact"] }],
    ["Description", "Description", "textarea"],
    LOCKED_FIELD,
  ],
  Accounts: [
    ["Account_Name", "Account Name", "text", { mandatory: true }],
    ["Phone", "Phone", "phone"],
    ["Website", "Website", "website"],
    ["Industry", "Industry", "picklist", { picklist: ["-None-", "Technology", "Manufacturing", "Retail", "Healthcare", "Logistics", "Media"] }],
    ["Rating", "Rating", "picklist", { picklist: ["-None-", "Acquired", "Active", "Market Failed", "Shut Down"] }],
    ["Annual_Revenue", "Annual Revenue", "currency"],
    ["Description", "Description", "textarea"],
    LOCKED_FIELD,
  ],
  Deals: [
    ["Deal_Name", "Deal Name", "text", { mandatory: true }],
    ["Amount", "Amount", "currency"],
    ["Stage", "Stage", "picklist", { mandatory: true, picklist: STAGES }],
    ["Closing_Date", "Closing Date", "date", { mandatory: true }],
    ["Probability", "Probability (%)", "integer"],
    ["Type", "Type", "picklist", { picklist: ["-None-", "Existing Business", "New Business"] }],
    ["Account_Name", "Account Name", "lookup", { lookup: "Accounts" }],
    ["Description", "Description", "textarea"],
    LOCKED_FIELD,
  ],
  Tasks: [
    ["Subject", "Subject", "text", { mandatory: true }],
    ["Status", "Status", "picklist", { picklist: ["Not Started", "Deferred", "In Progress", "Waiting for input", "Closed"] }],
    ["Priority", "Priority", "picklist", { picklist: ["High", "Highest", "Low", "Lowest", "Normal"] }],
    ["Due_Date", "Due Date", "date"],
    ["What_Id", "Related To", "lookup", { lookup: "Deals" }],
    ["Description", "Description", "textarea"],
    LOCKED_FIELD,
  ],
  Projects__c: [
    ["Name", "Project Name", "text", { mandatory: true }],
    ["Project_Stage", "Project Stage", "picklist", { custom: true, picklist: ["Planning", "Active", "On Hold", "Delivered"] }],
    ["Budget", "Budget", "currency", { custom: true }],
    ["Start_Date", "Start Date", "date", { custom: true }],
    ["Description", "Description", "textarea"],
    LOCKED_FIELD,
  ],
  shipx__Shipments: [
    ["Name", "Shipment Name", "text", { mandatory: true }],
    ["shipx__Tracking_Number", "Tracking Number", "text", { custom: true }],
    ["shipx__Shipment_Status", "Shipment Status", "picklist", { custom: true, picklist: ["Created", "In Transit", "Delivered"] }],
  ],
  Project_Contacts: [
    ["Name", "Name", "autonumber", { readOnly: true }],
    ["Project", "Project", "lookup", { lookup: "Projects__c", custom: true }],
    ["Contact", "Contact", "lookup", { lookup: "Contacts", custom: true }],
  ],
  Locking_Information__s: [
    ["Name", "Name", "text", { readOnly: true }],
    ["Locked_For__s", "Locked For", "multimodulelookup", { readOnly: true }],
    ["Lock_Source__s", "Lock Source", "picklist", { readOnly: true, picklist: ["Manual", "Automatic"] }],
    ["Locked_By__s", "Locked By", "userlookup", { readOnly: true }],
    ["Locked_Reason__s", "Locked Reason", "textarea"],
    ["Locked_Time__s", "Locked Time", "datetime", { readOnly: true }],
    ["Record_Locking_Configuration_Id__s", "Record Locking Configuration Id", "bigint", { readOnly: true }],
    ["Record_Locking_Rule_Id__s", "Record Locking Rule Id", "bigint", { readOnly: true }],
    ["Feature_Type__s", "Feature Type", "text", { readOnly: true }],
    ["Parent_Id", "Parent Id", "multimodulelookup", { readOnly: true }],
  ],
  Notes: [
    ["Note_Title", "Note Title", "text"],
    ["Note_Content", "Note Content", "textarea", { mandatory: true }],
    ["Parent_Id", "Parent Id", "multimodulelookup"],
  ],
};

/** Fields of every module; ids are 103000 + 100 * module index + field index. */
export function seedFields(modules: ModuleDef[]): Record<string, FieldDef[]> {
  let picklistCounter = 104001;
  const result: Record<string, FieldDef[]> = {};
  modules.forEach((m, moduleIndex) => {
    // Every module has the owner and audit fields, the lock module too: a lock record carries them (routes/locking-info.ts).
    const specs = [...(FIELD_SPECS[m.api_name] ?? []), ...SYSTEM_FIELDS];
    result[m.api_name] = specs.map(([api_name, label, data_type, opts = {}], fieldIndex) => {
      const field: FieldDef = {
        id: zid(103000 + 100 * moduleIndex + fieldIndex + 1),
        api_name,
        field_label: label,
        data_type,
        read_only: opts.readOnly ?? false,
        system_mandatory: opts.mandatory ?? false,
        custom_field: opts.custom ?? false,
      };
      if (opts.picklist) {
        field.pick_list_values = opts.picklist.map((value, i) => ({
          id: zid(picklistCounter++),
          display_value: value,
          actual_value: value,
          sequence_number: i + 1,
        }));
      }
      if (opts.lookup) field.lookupModule = opts.lookup;
      return field;
    });
  });
  return result;
}

export function seedCustomButtons(): CustomButton[] {
  const B = SEED.customButtons;
  return [
    { id: B.dealsSendForSignature, name: "Send for Signature", module: MODULES.deals },
    { id: B.dealsGenerateInvoice, name: "Generate Invoice", module: MODULES.deals },
    { id: B.accountsSyncErp, name: "Sync to ERP", module: MODULES.accounts },
    { id: B.contactsSendSurvey, name: "Send Survey", module: MODULES.contacts },
  ];
}
