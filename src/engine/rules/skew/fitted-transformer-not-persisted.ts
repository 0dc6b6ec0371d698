// fitted-transformer-not-persisted: training fits a scaler/encoder/tokenizer and never saves it, while serving builds its own.
import { trainServeSides } from '../../analyses/entrypoints.js';
import { defineProjectRule } from '../../rule.js';
import type { Range } from '../../types.js';

const messages = {
  notPersisted: "{cls} '{variable}' is fitted here but never saved, while {servingFile} builds a new {cls}: serving transforms inputs with statistics the model never saw. Save the fitted object with the model (joblib.dump, or a saved Pipeline) and load it in serving.",
} as const;

export default defineProjectRule<keyof typeof messages>({
  id: 'fitted-transformer-not-persisted',
  category: 'skew',
  defaultSeverity: 'error',
  profileSeverity: { prototype: 'warning' },
  status: 'preview',
  description: 'Finds scalers, encoders, vectorizers and tokenizers that training code fits but never saves, while serving-only code constructs (and so fits or guesses) its own of the same class.',
  messages,
  references: [
    { title: 'Breck et al., The ML Test Score (2017): Monitor 3, training and serving features compute the same values' },
    { title: 'scikit-learn documentation: Model persistence', url: 'https://scikit-learn.org/stable/model_persistence.html' },
  ],
  fileKinds: [],
  scope: 'project',
  usesFacts: true,
  facts: ['roles', 'transformers'],
  checkProject(ctx) {
    const python = new Map([...ctx.facts].filter(([path]) => path.endsWith('.py') || path.endsWith('.ipynb')));
    const sides = trainServeSides(python, ctx.importGraph());
    if (sides.servingOnly.size === 0 || sides.trainingOnly.size === 0) return;
    const serving = new Map<string, { file: string; range: Range; cell?: number }>();
    for (const file of [...sides.servingOnly].sort()) {
      for (const c of python.get(file)?.transformers?.constructed ?? []) if (!serving.has(c.cls)) serving.set(c.cls, { file, range: c.range, ...(c.cell === undefined ? {} : { cell: c.cell }) });
    }
    if (serving.size === 0) return;
    for (const file of [...sides.trainingOnly].sort()) {
      for (const fit of python.get(file)?.transformers?.unsaved ?? []) {
        const built = serving.get(fit.cls);
        if (!built) continue;
        const cls = fit.cls.slice(fit.cls.lastIndexOf('.') + 1);
        ctx.report({
          messageId: 'notPersisted',
          data: { cls, variable: fit.variable, servingFile: built.file },
          file,
          range: fit.range,
          ...(fit.cell === undefined ? {} : { cell: fit.cell }),
          subject: `${cls} ${fit.variable} not saved; ${built.file} builds its own`,
          related: [{ ...built, message: `serving constructs its own ${cls} here` }],
        });
      }
    }
  },
});
