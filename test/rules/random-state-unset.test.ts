// Tests of random-state-unset: sklearn callables that draw random numbers without a seed.
import rule from '../../src/engine/rules/reproducibility/random-state-unset';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'seeded', code: 'from sklearn.ensemble import RandomForestClassifier\nclf = RandomForestClassifier(random_state=0)\n' },
    { name: 'seed from a constant', code: 'from sklearn.model_selection import train_test_split\nSEED = 1\na, b = train_test_split(X, random_state=SEED)\n' },
    { name: 'no shuffle, no randomness', code: 'from sklearn.model_selection import train_test_split\na, b = train_test_split(X, shuffle=False)\n' },
    { name: 'KFold without shuffle is deterministic', code: 'from sklearn.model_selection import KFold\ncv = KFold(n_splits=5)\n' },
    { name: 'lbfgs logistic regression is deterministic', code: 'from sklearn.linear_model import LogisticRegression\nm = LogisticRegression(max_iter=1000)\n' },
    { name: 'SVC without probability is deterministic', code: 'from sklearn.svm import SVC\nm = SVC(kernel="rbf")\n' },
    { name: 'PCA with the full solver', code: 'from sklearn.decomposition import PCA\np = PCA(n_components=2)\n' },
    { name: 'kwargs may carry random_state', code: 'from sklearn.ensemble import RandomForestClassifier\nclf = RandomForestClassifier(**params)\n' },
    { name: 'a local class of the same name', code: 'class RandomForestClassifier:\n    pass\nclf = RandomForestClassifier()\n' },
    { name: 'xgboost seeds by default', code: 'import sklearn\nfrom xgboost import XGBClassifier\nm = XGBClassifier()\n' },
    { name: 'not sklearn at all', code: 'from mylib import train_test_split\na, b = train_test_split(X)\n' },
    { name: 'learning_curve does not shuffle by default', code: 'from sklearn.model_selection import learning_curve\nsizes, tr, va = learning_curve(model, X, y, cv=5)\n' },
    { name: 'stacking and grid halving take no seed of their own', code: 'from sklearn.ensemble import StackingClassifier\nfrom sklearn.experimental import enable_halving_search_cv\nfrom sklearn.model_selection import HalvingGridSearchCV\ns = StackingClassifier(estimators=est)\nh = HalvingGridSearchCV(model, grid)\n' },
    { name: 'IterativeImputer without posterior sampling is deterministic', code: 'from sklearn.experimental import enable_iterative_imputer\nfrom sklearn.impute import IterativeImputer\nimp = IterativeImputer(max_iter=10)\n' },
    { name: 'histogram boosting without explicit early stopping', code: 'from sklearn.ensemble import HistGradientBoostingClassifier\nm = HistGradientBoostingClassifier(max_iter=200)\n' },
    { name: 'a seeded bagging ensemble seeds the tree it is given', code: 'from sklearn.ensemble import AdaBoostClassifier, BaggingClassifier\nfrom sklearn.tree import DecisionTreeClassifier\nb = BaggingClassifier(DecisionTreeClassifier(), n_estimators=10, random_state=42)\na = AdaBoostClassifier(estimator=DecisionTreeClassifier(max_depth=1), random_state=42)\n' },
  ],
  invalid: [
    {
      name: 'estimator without seed, unsafe fix',
      code: 'from sklearn.ensemble import RandomForestClassifier\nclf = RandomForestClassifier(n_estimators=10)\n',
      errors: [{ messageId: 'unset', line: 2, column: 7 }],
      output: 'from sklearn.ensemble import RandomForestClassifier\nclf = RandomForestClassifier(n_estimators=10, random_state=42)\n',
    },
    {
      name: 'module alias',
      code: 'import sklearn.model_selection as ms\nx = ms.train_test_split(X, y, test_size=0.2)\n',
      errors: [{ messageId: 'unset', line: 2, column: 5 }],
      output: 'import sklearn.model_selection as ms\nx = ms.train_test_split(X, y, test_size=0.2, random_state=42)\n',
    },
    {
      name: 'multi-line call keeps layout and trailing comma',
      code: 'from sklearn.ensemble import GradientBoostingClassifier as GBC\nm = GBC(\n    n_estimators=100,\n    max_depth=3,\n)\n',
      errors: [{ messageId: 'unset', line: 2 }],
      output: 'from sklearn.ensemble import GradientBoostingClassifier as GBC\nm = GBC(\n    n_estimators=100,\n    max_depth=3,\n    random_state=42,\n)\n',
    },
    {
      name: 'empty call and a configured seed name',
      code: 'from sklearn.cluster import KMeans\nkm = KMeans()\n',
      options: { seed: 'SEED' },
      errors: [{ messageId: 'unset', line: 2 }],
      output: 'from sklearn.cluster import KMeans\nkm = KMeans(random_state=SEED)\n',
    },
    {
      name: 'shuffled KFold',
      code: 'from sklearn.model_selection import StratifiedKFold\ncv = StratifiedKFold(n_splits=5, shuffle=True)\n',
      errors: [{ messageId: 'unsetShuffle', line: 2 }],
      output: 'from sklearn.model_selection import StratifiedKFold\ncv = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)\n',
    },
    {
      name: 'saga logistic regression and probability SVC',
      code: 'from sklearn.linear_model import LogisticRegression\nfrom sklearn.svm import SVC\na = LogisticRegression(solver="saga")\nb = SVC(probability=True)\n',
      errors: [
        { messageId: 'unset', line: 3 },
        { messageId: 'unset', line: 4 },
      ],
      output: 'from sklearn.linear_model import LogisticRegression\nfrom sklearn.svm import SVC\na = LogisticRegression(solver="saga", random_state=42)\nb = SVC(probability=True, random_state=42)\n',
    },
    {
      name: 'an unseeded ensemble does not seed its tree either',
      code: 'from sklearn.ensemble import BaggingClassifier\nfrom sklearn.tree import DecisionTreeClassifier\nb = BaggingClassifier(DecisionTreeClassifier())\n',
      errors: [
        { messageId: 'unset', line: 3 },
        { messageId: 'unset', line: 3, column: 23 },
      ],
      output: 'from sklearn.ensemble import BaggingClassifier\nfrom sklearn.tree import DecisionTreeClassifier\nb = BaggingClassifier(DecisionTreeClassifier(random_state=42), random_state=42)\n',
    },
    {
      name: 'with a global NumPy seed the finding says the run is repeatable but fragile',
      code: 'import numpy as np\nfrom sklearn.linear_model import SGDClassifier\nnp.random.seed(42)\nclf = SGDClassifier()\n',
      errors: [{ messageId: 'unsetGlobalSeed', line: 4, severity: 'warning' }],
      output: 'import numpy as np\nfrom sklearn.linear_model import SGDClassifier\nnp.random.seed(42)\nclf = SGDClassifier(random_state=42)\n',
    },
    {
      name: 'imbalanced-learn sampler',
      code: 'from imblearn.over_sampling import SMOTE\nX2, y2 = SMOTE().fit_resample(X, y)\n',
      errors: [{ messageId: 'unset', line: 2 }],
      output: 'from imblearn.over_sampling import SMOTE\nX2, y2 = SMOTE(random_state=42).fit_resample(X, y)\n',
    },
  ],
});

fixtureTest('random-state-unset');
