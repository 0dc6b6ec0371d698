// Tests of the module outline (definitions, bases, collected tests) and of the model/feature classification over it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mlCode } from '../../src/engine/analyses/ml-code';
import { definitionAt, moduleOutline } from '../../src/engine/analyses/outline';
import { PythonAnalysis } from '../../src/engine/python/analysis';
import { pythonParser } from '../helpers/python';

async function analyse(code: string): Promise<PythonAnalysis> {
  return new PythonAnalysis((await pythonParser()).parse(code), code, 'pkg');
}

describe('moduleOutline', () => {
  it('lists module-level classes and functions with qualified bases and methods, nested ones left out', async () => {
    const code = [
      'import torch.nn as nn',
      'from typing import Generic, TypeVar',
      'T = TypeVar("T")',
      '',
      '@decorator',
      'class Net(nn.Module, Generic[T], metaclass=Meta):',
      '    def forward(self, x):',
      '        def inner():',
      '            pass',
      '        return x',
      '',
      'async def fetch():',
      '    class Local:',
      '        pass',
      '',
      'try:',
      '    def optional():',
      '        pass',
      'except ImportError:',
      '    pass',
    ].join('\n');
    const outline = moduleOutline(await analyse(code));
    assert.deepEqual(outline.definitions.map((d) => [d.kind, d.name, d.bases, d.methods, d.range.start.line, d.range.start.column]), [
      ['class', 'Net', ['torch.nn.Module', 'typing.Generic'], ['forward'], 5, 6],
      ['function', 'fetch', [], [], 11, 10],
      ['function', 'optional', [], [], 16, 8],
    ]);
    const net = outline.definitions[0];
    assert.equal(net && definitionAt(outline, net.start + 5)?.name, 'Net');
  });

  it('counts test functions and methods as pytest and unittest collect them', async () => {
    const code = [
      'import unittest',
      'def test_a(): pass',
      'async def test_b(): pass',
      'def helper():',
      '    def test_nested(): pass',
      'class TestThing:',
      '    def test_c(self): pass',
      '    def helper(self): pass',
      'class TestWithInit:',
      '    def __init__(self): pass',
      '    def test_skipped(self): pass',
      'class Checks(unittest.TestCase):',
      '    def test_d(self): pass',
      '    def testE(self): pass',
      'class MoreChecks(BaseTestCase):',
      '    def test_f(self): pass',
      'class Helper:',
      '    def test_not_collected(self): pass',
    ].join('\n');
    assert.equal(moduleOutline(await analyse(code)).testFunctions, 6);
  });
});

describe('mlCode', () => {
  it('classifies networks, Lightning and Keras models, estimators, builders and local subclasses as models', async () => {
    const code = [
      'import lightning as L',
      'from torch import nn',
      'from tensorflow import keras',
      'from sklearn.base import BaseEstimator, RegressorMixin',
      'class Block(nn.Module): pass',
      'class Deeper(Block): pass',
      'class Lit(L.LightningModule): pass',
      'class Tower(keras.Model): pass',
      'class Median(BaseEstimator, RegressorMixin): pass',
      'class Rule(BaseEstimator):',
      '    def predict(self, X): pass',
      'def build_model(): pass',
      'def load_model(path): pass',
      'class Config: pass',
    ].join('\n');
    const py = await analyse(code);
    const ml = mlCode(py, moduleOutline(py), 'pkg/models.py');
    assert.deepEqual(ml.models.map((m) => `${m.name}: ${m.why}`), [
      'Block: subclasses torch.nn.Module',
      'Deeper: subclasses Block',
      'Lit: subclasses lightning.LightningModule',
      'Tower: subclasses tensorflow.keras.Model',
      'Median: subclasses sklearn.base.RegressorMixin',
      'Rule: is a scikit-learn estimator',
      'build_model: builds a model',
    ]);
    assert.deepEqual(ml.features, []);
  });

  it('classifies transformers and frame-transforming functions as features, by name or by module', async () => {
    const code = [
      'import numpy as np',
      'import pandas as pd',
      'from sklearn.base import BaseEstimator, TransformerMixin',
      'class Clip(BaseEstimator, TransformerMixin):',
      '    def transform(self, X): return X',
      'def add_lag_features(df):',
      '    return df.groupby("id").shift(1)',
      'def clean_text(s):',
      '    return s.strip()',
      'def summary(df):',
      '    df = df.dropna()',
      '    return np.log1p(df)',
    ].join('\n');
    const py = await analyse(code);
    const outline = moduleOutline(py);
    assert.deepEqual(mlCode(py, outline, 'pkg/util.py').features.map((f) => f.name), ['Clip', 'add_lag_features']);
    assert.deepEqual(mlCode(py, outline, 'pkg/features.py').features.map((f) => f.name), ['Clip', 'add_lag_features', 'summary']);
  });

  it('needs an ML framework import for a builder, and resolves bases through imports only', async () => {
    const py = await analyse('def build_model():\n    pass\nclass Module:\n    pass\nclass Net(Module):\n    pass\n');
    assert.deepEqual(mlCode(py, moduleOutline(py), 'a.py').models, []);
  });
});
