// Tests of preprocessing-fit-before-split: fits whose output is split or cross-validated afterwards, and clean orders.
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';
import rule from '../../src/engine/rules/skew/preprocessing-fit-before-split';

const HEAD = 'from sklearn.preprocessing import StandardScaler, MinMaxScaler, OneHotEncoder\nfrom sklearn.model_selection import train_test_split, cross_val_score, StratifiedKFold, GridSearchCV\nfrom sklearn.decomposition import PCA\n';

ruleTester(rule, {
  valid: [
    { name: 'split first, fit on the training part', code: `${HEAD}X_tr, X_te, y_tr, y_te = train_test_split(X, y)\nscaler = StandardScaler()\nX_tr = scaler.fit_transform(X_tr)\nX_te = scaler.transform(X_te)\n` },
    { name: 'a Pipeline cross-validated: nothing is fitted outside it', code: `${HEAD}from sklearn.pipeline import make_pipeline\npipe = make_pipeline(StandardScaler(), model)\ncross_val_score(pipe, X, y, cv=5)\n` },
    { name: 'a fit whose output never reaches the split (PCA for a plot)', code: `${HEAD}coords = PCA(2).fit_transform(X)\nplot(coords)\ntrain_test_split(X, y)\n` },
    { name: 'category encoders learn categories, not statistics', code: `${HEAD}X = OneHotEncoder().fit_transform(X)\ntrain_test_split(X, y)\n` },
    { name: 'a name reassigned from clean data is clean again', code: `${HEAD}X = StandardScaler().fit_transform(X)\nX = load_raw()\ntrain_test_split(X, y)\n` },
    { name: 'the fit and the split are in different functions', code: `${HEAD}def prep(X):\n    return StandardScaler().fit_transform(X)\n\ndef split(X, y):\n    return train_test_split(X, y)\n` },
    { name: 'a split that is not scikit-learn', code: `${HEAD}X = StandardScaler().fit_transform(X)\nparts = X.split(3)\n` },
    { name: 'no scikit-learn import', code: 'X = scaler.fit_transform(X)\ntrain_test_split(X, y)\n' },
  ],
  invalid: [
    {
      name: 'fit_transform on everything, then train_test_split',
      code: `${HEAD}scaler = StandardScaler()\nX_scaled = scaler.fit_transform(X)\nX_tr, X_te, y_tr, y_te = train_test_split(X_scaled, y)\n`,
      errors: [{ messageId: 'split', line: 5, column: 12, severity: 'warning' }],
    },
    {
      name: 'fit, then transform, then a splitter object',
      code: `${HEAD}def run(X, y):\n    mm = MinMaxScaler()\n    mm.fit(X)\n    Xs = mm.transform(X)\n    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)\n    for tr, te in cv.split(Xs, y):\n        pass\n`,
      errors: [{ messageId: 'crossValidated', line: 6, column: 5 }],
    },
    {
      name: 'a column assigned in place taints its frame; a grid search cross-validates',
      code: `${HEAD}df[["a", "b"]] = StandardScaler().fit_transform(df[["a", "b"]])\nsearch = GridSearchCV(model, grid, cv=5)\nsearch.fit(df, y)\n`,
      errors: [{ messageId: 'crossValidated', line: 4, column: 18 }],
    },
    {
      name: 'fitted on the training split, then cross-validated on it',
      code: `${HEAD}X_tr, X_te, y_tr, y_te = train_test_split(X, y)\nX_tr = StandardScaler().fit_transform(X_tr)\ncross_val_score(model, X_tr, y_tr, cv=5)\n`,
      errors: [{ messageId: 'crossValidated', line: 5, column: 8, severity: 'info' }],
    },
  ],
});

fixtureTest('preprocessing-fit-before-split');
