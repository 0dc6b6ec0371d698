// Asks the user what to attest (a QuickPick, then InputBoxes for the note and the name); tests swap in their answers.
import { userInfo } from 'node:os';
import { window, workspace } from 'vscode';
import { ClientSettings } from '../protocol.js';
import { ATTEST_CHOICES } from './attest-write.js';

export interface AttestAnswer {
  readonly status: (typeof ATTEST_CHOICES)[number]['status'];
  readonly how: 'manual' | 'automated';
  readonly note: string;
  readonly by: string;
}

/** The questions an attestation or a revocation asks; undefined or false means the user cancelled. */
export interface AttestPrompt {
  attest(item: { readonly id: string; readonly title: string }, current: { readonly note?: string } | undefined): Promise<AttestAnswer | undefined>;
  confirmRevoke(item: { readonly id: string; readonly title: string }): Promise<boolean>;
}

/** The name attestations are signed with: the personal setting, else the OS user name ('' when neither is known). */
export function defaultSigner(): { readonly name: string; readonly fromSetting: boolean } {
  const [section, ...rest] = ClientSettings.attestAs.split('.');
  const configured = workspace.getConfiguration(section).get<string>(rest.join('.'), '').trim();
  if (configured !== '') return { name: configured, fromSetting: true };
  try {
    return { name: userInfo().username, fromSetting: false };
  } catch {
    return { name: '', fromSetting: false };
  }
}

/** VS Code's own prompts. The name is asked only while `mlready.readiness.attestAs` is unset. */
export const vscodePrompt: AttestPrompt = {
  async attest(item, current) {
    const title = `Attest ${item.id}: ${item.title}`;
    const picked = await window.showQuickPick(
      ATTEST_CHOICES.map((c) => ({ label: c.label, detail: c.detail, choice: c })),
      { title, placeHolder: 'What is the state of this item? It is written to .mlready.yaml for the team to review.', ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    const note = await window.showInputBox({
      title,
      prompt: 'A note or a link a reviewer can check (a runbook, a dashboard, a ticket). Optional.',
      value: current?.note ?? '',
      ignoreFocusOut: true,
    });
    if (note === undefined) return undefined;
    const signer = defaultSigner();
    const by = signer.fromSetting
      ? signer.name
      : await window.showInputBox({ title, prompt: 'Who vouches for it? (Set mlready.readiness.attestAs to skip this question.)', value: signer.name, ignoreFocusOut: true });
    if (by === undefined) return undefined;
    return { status: picked.choice.status, how: picked.choice.how, note, by };
  },
  async confirmRevoke(item) {
    const answer = await window.showWarningMessage(`Revoke the attestation of ${item.id} (${item.title})? It is removed from .mlready.yaml.`, { modal: true }, 'Revoke');
    return answer === 'Revoke';
  },
};
