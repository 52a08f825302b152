/**
 * Zoho's search criteria grammar (docs/crm-api.md#search-records), parsed into
 * a tree. Pure syntax: which fields, operators and values make sense is
 * decided by search.ts against the module's fields.
 *
 *   criteria  = condition | expression
 *   expression = operand *( ("and" / "or") operand )     one conjunction per level
 *   operand   = "(" ( condition | expression ) ")"
 *   condition = field ":" operator ":" value *( "," value )
 *
 * A value ends at the first `)`, and `,` separates list values (`in`,
 * `between`); a backslash makes the next character literal, so `\(`, `\)`,
 * `\,` and `\\` stand for `(`, `)`, `,` and `\`. Spaces may surround
 * conjunctions and parentheses; field, operator and each value are trimmed
 * (both [SB]).
 */

export interface SearchCondition {
  kind: "condition";
  field: string;
  operator: string;
  /** The value split at unescaped commas, unescaped and trimmed. */
  values: string[];
}

export interface SearchGroup {
  kind: "group";
  conjunction: "and" | "or";
  children: SearchNode[];
}

export type SearchNode = SearchCondition | SearchGroup;

export type SearchParse = { ok: true; tree: SearchNode } | { ok: false; reason: string; at: number };

/** The documented maximum number of conditions in one criteria string. */
export const MAX_SEARCH_CONDITIONS = 10;

class Syntax extends Error {
  constructor(
    readonly reason: string,
    readonly at: number,
  ) {
    super(reason);
  }
}

export function parseSearchCriteria(text: string): SearchParse {
  const parser = new Parser(text);
  try {
    const tree = parser.top();
    return { ok: true, tree };
  } catch (error) {
    if (error instanceof Syntax) return { ok: false, reason: error.reason, at: error.at };
    throw error;
  }
}

/** How many conditions the tree holds (the 10-criteria limit counts these). */
export function countConditions(node: SearchNode): number {
  return node.kind === "condition" ? 1 : node.children.reduce((sum, child) => sum + countConditions(child), 0);
}

const FIELD = /^[A-Za-z_$][A-Za-z0-9_$.]*$/;
const OPERATOR = /^[A-Za-z_]+$/;

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  top(): SearchNode {
    this.space();
    if (this.pos >= this.text.length) throw new Syntax("empty criteria", this.pos);
    // The documented samples also send one condition without parentheses.
    const node = this.peek() === "(" ? this.expression() : this.condition(false);
    this.space();
    if (this.pos < this.text.length) throw new Syntax(`unexpected "${this.text[this.pos]}"`, this.pos);
    return node;
  }

  private expression(): SearchNode {
    const children = [this.operand()];
    let conjunction: "and" | "or" | undefined;
    for (;;) {
      const save = this.pos;
      this.space();
      const word = this.conjunction();
      if (!word) {
        this.pos = save;
        break;
      }
      if (conjunction && word !== conjunction) throw new Syntax("\"and\" and \"or\" mixed without parentheses", this.pos);
      conjunction = word;
      this.space();
      children.push(this.operand());
    }
    if (children.length === 1) return children[0] as SearchNode;
    return { kind: "group", conjunction: conjunction ?? "and", children };
  }

  private operand(): SearchNode {
    if (this.peek() !== "(") throw new Syntax('expected "("', this.pos);
    const open = this.pos;
    this.pos += 1;
    this.space();
    const node = this.peek() === "(" ? this.expression() : this.condition(true);
    this.space();
    if (this.peek() !== ")") throw new Syntax(`"(" at ${open} is not closed`, this.pos);
    this.pos += 1;
    return node;
  }

  private conjunction(): "and" | "or" | undefined {
    const rest = this.text.slice(this.pos);
    const match = /^(and|or)(?=\s*\()/i.exec(rest);
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0].toLowerCase() as "and" | "or";
  }

  /** field:operator:value, up to (not including) the closing parenthesis or the end. */
  private condition(inParens: boolean): SearchCondition {
    const start = this.pos;
    const field = this.upTo(":").trim();
    if (!FIELD.test(field)) throw new Syntax(`"${field}" is not a field name`, start);
    const opStart = this.pos;
    const operator = this.upTo(":").trim();
    if (!OPERATOR.test(operator)) throw new Syntax(`"${operator}" is not an operator`, opStart);
    const values: string[] = [];
    let current = "";
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) {
        if (inParens) throw new Syntax("the condition is not closed", this.pos);
        break;
      }
      if (ch === ")") {
        if (!inParens) throw new Syntax('unexpected ")"', this.pos);
        break;
      }
      if (ch === "(") throw new Syntax('"(" in a value must be escaped', this.pos);
      if (ch === "\\") {
        const next = this.text[this.pos + 1];
        if (next === undefined) throw new Syntax("a backslash at the end", this.pos);
        current += next;
        this.pos += 2;
        continue;
      }
      if (ch === ",") {
        values.push(current.trim());
        current = "";
      } else {
        current += ch;
      }
      this.pos += 1;
    }
    values.push(current.trim());
    if (values.some((value) => value === "")) throw new Syntax("an empty value", this.pos);
    return { kind: "condition", field, operator: operator.toLowerCase(), values };
  }

  /** The text up to the next `sep` (consumed); a parenthesis or the end first is an error. */
  private upTo(sep: string): string {
    const start = this.pos;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined || ch === "(" || ch === ")") throw new Syntax(`expected "${sep}"`, this.pos);
      this.pos += 1;
      if (ch === sep) return this.text.slice(start, this.pos - 1);
    }
  }

  private space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos += 1;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }
}
