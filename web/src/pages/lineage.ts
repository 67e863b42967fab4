import type { Post } from '../api/client';
import { html } from '../ui';

export type Lineage = Post<'/queries/lineage'>;

function Names({ title, names, empty }: { title: string; names: readonly string[]; empty: string }) {
  return html`<div class="lineage-group"><h3>${title}</h3>${names.length === 0 ? html`<p class="muted">${empty}</p>` : html`<ul>${names.map((n) => html`<li><code>${n}</code></li>`)}</ul>`}</div>`;
}

/** What one statement reads and writes: CTEs and tables read flow into the statement, which writes its tables. */
export function LineageView({ lineage }: { lineage: Lineage }) {
  return html`<section class="lineage" aria-labelledby="lineage-title">
    <h2 id="lineage-title">Lineage</h2>
    <div class="flow">
      <${Names} title="Reads" names=${lineage.tables_read} empty="no table" />
      ${lineage.ctes.length > 0 ? html`<${Names} title="Through CTEs" names=${lineage.ctes} empty="" />` : null}
      <div class="lineage-group statement"><h3>Statement</h3><p><strong>${lineage.query_type}</strong></p></div>
      <${Names} title="Writes" names=${lineage.tables_written} empty="nothing (read only)" />
    </div>
    <h3>Columns used</h3>
    ${lineage.columns_used.length === 0 ? html`<p class="muted">none named</p>` : html`<p class="columns">${lineage.columns_used.map((c) => html`<code>${c}</code> `)}</p>`}
  </section>`;
}
