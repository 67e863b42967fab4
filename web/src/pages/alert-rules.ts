import { useState } from 'preact/hooks';
import { call, get, type Get } from '../api/client';
import { withUnit } from '../format';
import { OutcomeLine, Section, attempt, html, useLoad, type Outcome } from '../ui';

type Rule = Get<'/alerts/rules'>['rules'][number];
type Metric = Get<'/alerts/rules/metrics'>['metrics'][number];
type Database = Get<'/databases'>['databases'][number];

const OPERATORS = ['>', '>=', '<', '<=', '==', '!='] as const;
type Operator = (typeof OPERATORS)[number];

const numberOf = (form: FormData, name: string) => Number(String(form.get(name) ?? ''));

/**
 * One rule as a form row. Built-in rules take threshold, severity, cooldown and enabled (the server
 * refuses other fields for them); custom rules also their name and operator, and may be deleted.
 */
function RuleRow({ rule, metric, databases, onChanged }: { rule: Rule; metric: Metric | undefined; databases: ReadonlyMap<string, string>; onChanged: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>();
  const custom = rule.rule_type === 'custom';
  const formId = `rule-${rule.id}`;
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const body = {
      threshold: numberOf(form, 'threshold'),
      severity: String(form.get('severity')) as Rule['severity'],
      cooldown_sec: numberOf(form, 'cooldown_sec'),
      enabled: form.get('enabled') === 'on',
      ...(custom ? { name: String(form.get('name')).trim(), operator: String(form.get('operator')) as Operator } : {}),
    };
    void attempt(setOutcome, () => call('put', '/alerts/rules/{id}', { path: { id: rule.id }, body }), 'Saved.', onChanged);
  };
  const remove = () => void attempt(setOutcome, () => call('delete', '/alerts/rules/{id}', { path: { id: rule.id } }), 'Deleted.', onChanged);
  const unit = metric?.unit ?? '';
  return html`<tr data-rule=${rule.id} class=${rule.enabled ? '' : 'disabled'}>
    <th scope="row">
      ${custom ? html`<label class="sr-only" for=${`${formId}-name`}>Name</label><input id=${`${formId}-name`} form=${formId} name="name" value=${rule.name} required maxlength="200" />` : rule.name}
      <div class="muted small" title=${metric?.description ?? ''}>${rule.metric_key}${unit ? ` (${unit})` : ''}${rule.database_id ? ` · ${databases.get(rule.database_id) ?? rule.database_id}` : ''}</div>
    </th>
    <td>${custom
      ? html`<select form=${formId} name="operator" aria-label=${`Operator of ${rule.name}`} value=${rule.operator}>${OPERATORS.map((o) => html`<option value=${o}>${o}</option>`)}</select>`
      : html`<span title="Built-in rules keep their operator">${rule.operator}</span>`}</td>
    <td><input form=${formId} name="threshold" type="number" step="any" required value=${rule.threshold} aria-label=${`Threshold of ${rule.name}`} class="num" />
      ${metric && (metric.warning !== null || metric.critical !== null) ? html`<div class="muted small">default ${withUnit(metric.warning, unit)} / ${withUnit(metric.critical, unit)}</div>` : null}</td>
    <td><select form=${formId} name="severity" aria-label=${`Severity of ${rule.name}`} value=${rule.severity}><option value="warning">warning</option><option value="critical">critical</option></select></td>
    <td><input form=${formId} name="cooldown_sec" type="number" min="0" max="604800" step="1" required value=${rule.cooldown_sec} aria-label=${`Cooldown of ${rule.name}, seconds`} class="num" /></td>
    <td><input form=${formId} name="enabled" type="checkbox" checked=${rule.enabled} aria-label=${`${rule.name} enabled`} /></td>
    <td><form id=${formId} onSubmit=${save} class="actions">
      <button type="submit">Save<span class="sr-only"> ${rule.name}</span></button>
      ${custom ? html`<button type="button" onClick=${remove}>Delete<span class="sr-only"> ${rule.name}</span></button>` : null}
      <${OutcomeLine} outcome=${outcome} />
    </form></td>
  </tr>`;
}

function RulesTable({ caption, rules, metrics, databases, onChanged }: { caption: string; rules: readonly Rule[]; metrics: ReadonlyMap<string, Metric>; databases: ReadonlyMap<string, string>; onChanged: () => void }) {
  return html`<div class="scroll"><table class="rules">
    <caption class="sr-only">${caption}</caption>
    <thead><tr><th scope="col">Rule</th><th scope="col">When</th><th scope="col">Threshold</th><th scope="col">Severity</th><th scope="col">Cooldown (s)</th><th scope="col">On</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
    <tbody>${rules.map((r) => html`<${RuleRow} key=${r.id} rule=${r} metric=${metrics.get(r.metric_key)} databases=${databases} onChanged=${onChanged} />`)}</tbody>
  </table></div>`;
}

/** A custom rule on any catalogue metric: the metric's own operator and warning level are the defaults. */
function NewRule({ metrics, databases, onCreated }: { metrics: readonly Metric[]; databases: readonly Database[]; onCreated: () => void }) {
  const [key, setKey] = useState(metrics[0]?.key ?? '');
  const [outcome, setOutcome] = useState<Outcome>();
  const metric = metrics.find((m) => m.key === key);
  const categories = [...new Set(metrics.map((m) => m.category))];
  const fitting = databases.filter((d) => !metric || metric.engines.includes(d.engine));
  const create = (event: SubmitEvent) => {
    event.preventDefault();
    const formEl = event.target as HTMLFormElement;
    const form = new FormData(formEl);
    const databaseId = String(form.get('database_id') ?? '');
    const body = {
      name: String(form.get('name')).trim(),
      metric_key: key,
      operator: String(form.get('operator')) as Operator,
      threshold: numberOf(form, 'threshold'),
      severity: String(form.get('severity')) as Rule['severity'],
      cooldown_sec: numberOf(form, 'cooldown_sec'),
      enabled: form.get('enabled') === 'on',
      database_id: databaseId || null,
    };
    void attempt(setOutcome, () => call('post', '/alerts/rules', { body }), `Rule “${body.name}” created.`, () => {
      // Only the name is cleared: the next rule on the same metric is likely.
      (formEl.elements.namedItem('name') as HTMLInputElement).value = '';
      onCreated();
    });
  };
  const defaultOperator = OPERATORS.includes(metric?.operator as Operator) ? metric!.operator : '>';
  return html`<form class="new-rule" onSubmit=${create} aria-labelledby="new-rule-title">
    <h2 id="new-rule-title">New custom rule</h2>
    <label>Metric <select name="metric_key" value=${key} onChange=${(e: Event) => setKey((e.target as HTMLSelectElement).value)}>
      ${categories.map((c) => html`<optgroup label=${c}>${metrics.filter((m) => m.category === c).map((m) => html`<option value=${m.key}>${m.key}</option>`)}</optgroup>`)}
    </select></label>
    ${metric ? html`<p class="muted small">${metric.description} Unit: ${metric.unit}; ${metric.engines.join(', ')}; default ${metric.operator} ${withUnit(metric.warning, metric.unit)} warning, ${withUnit(metric.critical, metric.unit)} critical.</p>` : null}
    <label>Name <input name="name" required maxlength="200" placeholder=${metric ? `${metric.key} too high` : ''} /></label>
    <div class="inline">
      <label>When the value is <select name="operator" key=${`op-${key}`} value=${defaultOperator}>${OPERATORS.map((o) => html`<option value=${o}>${o}</option>`)}</select></label>
      <label>Threshold <input name="threshold" type="number" step="any" required key=${`t-${key}`} value=${metric?.warning ?? ''} class="num" /></label>
      <label>Severity <select name="severity"><option value="warning">warning</option><option value="critical">critical</option></select></label>
      <label>Cooldown (s) <input name="cooldown_sec" type="number" min="0" max="604800" step="1" value="300" required class="num" /></label>
    </div>
    <label>Database <select name="database_id"><option value="">Every ${metric ? metric.engines.join(' or ') : ''} database</option>${fitting.map((d) => html`<option value=${d.id}>${d.name}</option>`)}</select></label>
    <label><input type="checkbox" name="enabled" checked /> Enabled</label>
    <div class="actions"><button type="submit">Create rule</button><${OutcomeLine} outcome=${outcome} /></div>
  </form>`;
}

/** The rule editor (/alerts/rules): built-in rules' levels as the organization set them, custom rules, and a new one. */
export function AlertRules() {
  const rules = useLoad(() => get('/alerts/rules'), []);
  const metrics = useLoad(() => get('/alerts/rules/metrics'), []);
  const databases = useLoad(() => get('/databases'), []);
  const byKey = new Map((metrics.data?.metrics ?? []).map((m) => [m.key, m]));
  const names = new Map((databases.data?.databases ?? []).map((d) => [d.id, d.name]));
  return html`<main id="main" class="alert-rules">
    <p><a href="/alerts">← Alerts</a></p>
    <h1>Alert rules</h1>
    <p class="muted">Changes apply at the next evaluation of each database. After an alert opens, another of the same rule and object within the cooldown is recorded but not notified.</p>
    <${Section} loaded=${rules} what="the alert rules">${(r: Get<'/alerts/rules'>) => {
      const builtIn = r.rules.filter((x) => x.rule_type === 'built_in');
      const custom = r.rules.filter((x) => x.rule_type === 'custom');
      return html`
        <h2>Custom rules</h2>
        ${custom.length === 0 ? html`<p class="muted">No custom rule yet: create one below from any metric of the catalogue.</p>` : html`<${RulesTable} caption="Custom rules" rules=${custom} metrics=${byKey} databases=${names} onChanged=${rules.reload} />`}
        <${Section} loaded=${metrics} what="the metric list">${(m: Get<'/alerts/rules/metrics'>) => html`<${NewRule} metrics=${m.metrics} databases=${databases.data?.databases ?? []} onCreated=${rules.reload} />`}<//>
        <h2>Built-in rules</h2>
        <${RulesTable} caption="Built-in rules" rules=${builtIn} metrics=${byKey} databases=${names} onChanged=${rules.reload} />`;
    }}<//>
  </main>`;
}
