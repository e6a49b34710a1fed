// The editor's policy selector (检查依据): the options, the county's own province's first and
// marked, and the note on what the chosen policy holds and leaves out. Pure: the language is
// a parameter, so node's test runner can check both.

import type { PolicyChoices } from './api';
import { html, type Markup } from './html';

const OWN = { zh: '（本省）', en: ' (own province)' };
const NO_OWN = {
  zh: '本省政策未收录：按全国参考（国家层面文件）核查，设镇、设街道的本省标准以省级人民政府批准的文件为准。',
  en: "No policy of this province is on file: checked against the national reference (national texts only); the province's own town and subdistrict standards are those its government approved.",
};

/** The selector's options; `selected` is the one shown. */
export function policyOptions(c: PolicyChoices, selected: string, zh: boolean): Markup {
  return html`${c.policies.map((p) => html`<option value="${p.id}" ${p.id === selected ? html`selected` : ''}>${zh ? p.name : p.name_en}${p.own_province ? (zh ? OWN.zh : OWN.en) : ''}</option>`)}`;
}

/** What policy `id` holds and leaves out (its English note where it has one); where the
 * county's province has no policy on file and the national reference is chosen, that is said
 * first. Empty for an id not among the choices. */
export function policyNote(c: PolicyChoices, id: string, zh: boolean): string {
  const p = c.policies.find((x) => x.id === id);
  if (!p) return '';
  const note = zh ? p.note.zh : (p.note.en || p.note.zh);
  return !c.own_province && p.national ? `${zh ? NO_OWN.zh : NO_OWN.en} ${note}` : note;
}
