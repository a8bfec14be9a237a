// The shape of a row of the version table (versions.ts), checked by test/core/versionTable.test.ts. Kept apart
// from the table so that reading the table at run time does not load zod.

import { z } from 'zod';

/** A Linux version the way system_requirements.rst writes it ("4.19.57", "5.10"). */
const KernelSchema = z
  .object({
    major: z.number().int().positive(),
    minor: z.number().int().nonnegative(),
    /** As the document writes it, patch level included. */
    text: z.string().regex(/^\d+\.\d+(\.\d+)?$/),
    /** file@tag l.N where the requirement is stated. */
    cite: z.string().regex(/^Documentation\/operations\/system_requirements\.rst@v1\.\d+\.\d+(-pre\.\d+)? l\.\d+$/),
  })
  .strict()
  .refine((k) => k.text.startsWith(`${k.major}.${k.minor}`), { message: 'text must start with major.minor' });

export const VersionRowSchema = z
  .object({
    /** "1.NN": what users write and what every table is keyed by. */
    minor: z.string().regex(/^1\.\d{2}$/),
    /** The upstream release the facts, the chart and the key lists were read from ("1.19.1", "1.20.0-pre.4"). */
    release: z.string().regex(/^1\.\d{2}\.\d+(-pre\.\d+)?$/),
    /** The upstream commit of that release ("Prepare for release v…"), identical in every fork. */
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    /** Built from a pre-release: only analysed when asked for, marked "(pre-release)" wherever it is shown. */
    prerelease: z.boolean(),
    /** Root of the documentation for this minor (a pre-release has no versioned docs: /latest/). */
    docs: z.string().regex(/^https:\/\/docs\.cilium\.io\/en\/(v1\.\d{2}|latest)\/$/),
    /** The oldest kernel the release supports. */
    minKernel: KernelSchema,
  })
  .strict()
  .refine((r) => r.release.startsWith(`${r.minor}.`), { message: 'release must belong to its minor' })
  .refine((r) => r.prerelease === r.release.includes('-pre.'), { message: 'prerelease must match the release name' });
export type VersionRow = z.infer<typeof VersionRowSchema>;
