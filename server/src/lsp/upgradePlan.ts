// `cilium/upgradePlan`: the upgrade assistant for an open document (core/upgrade.ts), with the migration as
// edits the client can apply. Any LSP client can call it; the VS Code extension shows it with
// "Cilium: Preview Upgrade to…".

import { minimalEdit } from '../core/index';
import { upgradePlan } from '../core/upgrade';
import { upgradeMarkdown } from '../core/upgradeReport';
import { isSupported, parseCiliumVersion, type CiliumVersion } from '../core/version';
import { openDocument, settingsReady, type ServerContext } from './context';
import { toTextEdit } from './convert';
import { optionsFor } from './documentAnalyses';
import { guard } from './guard';
import { UPGRADE_PLAN_REQUEST, type UpgradePlanParams, type UpgradePlanResult } from './protocol';

function versionParam(name: string, raw: unknown): CiliumVersion | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = typeof raw === 'string' ? parseCiliumVersion(raw) : undefined;
  if (!parsed?.ok || !isSupported(parsed.version))
    throw new Error(`"${name}" must be a supported Cilium version such as "1.19"`);
  return parsed.version;
}

export function upgradePlanFor(ctx: ServerContext, params: UpgradePlanParams): UpgradePlanResult {
  const { doc, settings } = openDocument(ctx, params?.uri);
  const to = versionParam('to', params?.to);
  if (!to) throw new Error(`"to" is required`);
  // Today's version: the request's, else the one the editor's settings pin the document to, else found as usual.
  const from = versionParam('from', params?.from) ?? versionParam('cilium.version', settings.version);
  const text = doc.getText();
  // The same options as the document's analysis (path, chart files, cilium.files), without the target version.
  const { version: _ignored, ...options } = optionsFor(doc, settings);
  const plan = upgradePlan(text, { ...options, to, from });
  const name = doc.uri.slice(doc.uri.lastIndexOf('/') + 1);
  const markdown = plan.documents.length > 0 ? upgradeMarkdown(name, plan) : 'This file holds no Cilium configuration.';
  return {
    markdown,
    edits: plan.migratedText === text ? [] : [toTextEdit(doc, minimalEdit(text, plan.migratedText))],
    version: doc.version,
  };
}

export function registerUpgradePlan(ctx: ServerContext): void {
  const c = ctx.connection;
  c.onRequest(
    UPGRADE_PLAN_REQUEST,
    guard(
      c,
      UPGRADE_PLAN_REQUEST,
      async (params: UpgradePlanParams) => (await settingsReady(ctx, params?.uri), upgradePlanFor(ctx, params)),
    ),
  );
}
