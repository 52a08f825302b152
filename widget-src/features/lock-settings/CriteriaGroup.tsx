import { Fragment } from "preact";
import { useId } from "preact/hooks";
import { t } from "../../i18n/messages";
import { Button } from "../../ui/Button";
import { ErrorText } from "../../ui/ErrorText";
import { Select } from "../../ui/Field";
import { Group, GroupJoin } from "../../ui/Group";
import { CLOSE, PLUS } from "../../ui/icons";
import { Cluster } from "../../ui/Layout";
import { addCondition, addGroup, removeAt, setOperator } from "./criteria";
import { pathOf, problemsOf, type CriteriaScope } from "./criteria-scope";
import { CriteriaNodeView } from "./CriteriaNodeView";
import { byData, refocusAfterRemoval } from "./refocus";
import type { CriteriaNode, GroupOperator } from "./types";

/**
 * An AND/OR group: its operator on top, its conditions with the operator's
 * word between them. The top group can take one nested group (A and (B or
 * C)); a nested group can be removed. Deeper groups from elsewhere are kept.
 */
export function CriteriaGroup({ scope, node, path }: { scope: CriteriaScope; node: Extract<CriteriaNode, { kind: "group" }>; path: number[] }) {
  const id = useId();
  const { root, onChange, disabled, readOnly } = scope;
  const operator = node.operator === "AND" ? t("settings.criteria.and") : t("settings.criteria.or");
  const joinWord = node.operator === "AND" ? t("settings.criteria.andWord") : t("settings.criteria.orWord");
  const problems = problemsOf(scope, path);
  return (
    <Group
      data-criteria-group={pathOf(scope, path)}
      label={t("settings.criteria.groupLabel", { operator })}
      header={
        <>
          <Select
            id={`${id}-operator`}
            label={t("settings.criteria.match")}
            value={node.operator}
            disabled={disabled}
            onChange={(event) => onChange(setOperator(root, path, event.currentTarget.value as GroupOperator))}
          >
            <option value="AND">{t("settings.criteria.and")}</option>
            <option value="OR">{t("settings.criteria.or")}</option>
          </Select>
          {!readOnly && (
            <Cluster gap={1}>
              {node.children.length === 0 && (
                <Button small variant="quiet" icon={PLUS} disabled={disabled} onClick={() => onChange(addCondition(root, path))}>
                  {t("settings.criteria.addCondition")}
                </Button>
              )}
              {/* One level of nesting, e.g. A and (B or C); deeper groups are kept but not offered. */}
              {path.length === 0 && (
                <Button small variant="quiet" icon={PLUS} disabled={disabled} onClick={() => onChange(addGroup(root, path))}>
                  {t("settings.criteria.addGroup")}
                </Button>
              )}
              {path.length > 0 && (
                <Button
                  small
                  variant="quiet"
                  icon={CLOSE}
                  disabled={disabled}
                  onClick={(event) => {
                    const form = event.currentTarget.closest("form");
                    onChange(removeAt(root, path));
                    refocusAfterRemoval(form, [{ selector: byData("criteria-group", pathOf(scope, path.slice(0, -1))) }]);
                  }}
                >
                  {t("settings.criteria.removeGroup")}
                </Button>
              )}
            </Cluster>
          )}
        </>
      }
    >
      {node.children.map((child, index) => (
        <Fragment key={index}>
          {index > 0 && <GroupJoin>{joinWord}</GroupJoin>}
          <CriteriaNodeView scope={scope} node={child} path={[...path, index]} />
        </Fragment>
      ))}
      {problems.map((problem) => (
        <ErrorText key={problem.code}>{t(`settings.problem.${problem.code}`, problem.params)}</ErrorText>
      ))}
    </Group>
  );
}
