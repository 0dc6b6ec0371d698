// Unit tests of the module <-> distribution data: the standard library list, import names, conda names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  distributionBaseNames,
  isDeclaredBy,
  isEnvironmentModule,
  isUsedWithoutImport,
  modulesOfDistribution,
  ownerOfModule,
  pypiNameOfConda,
} from '../../src/engine/python/distributions';
import { isStdlibModule } from '../../src/engine/python/stdlib';

describe('standard library', () => {
  it('knows modules of 3.8 to 3.13, including ones later versions removed', () => {
    for (const m of ['os', 'json', 'tomllib', 'distutils', 'imp', 'asyncore', 'parser', '__future__', '_thread', 'zoneinfo']) assert.ok(isStdlibModule(m), m);
    for (const m of ['numpy', 'yaml', 'requests', 'typing_extensions']) assert.ok(!isStdlibModule(m), m);
  });
});

describe('ownerOfModule', () => {
  it('maps import names to the distributions that provide them', () => {
    assert.deepEqual(ownerOfModule('sklearn.model_selection').distributions, ['scikit-learn']);
    assert.equal(ownerOfModule('cv2').distributions[0], 'opencv-python');
    assert.equal(ownerOfModule('yaml').distributions[0], 'PyYAML');
    assert.equal(ownerOfModule('mpl_toolkits.mplot3d').distributions[0], 'matplotlib');
    assert.equal(ownerOfModule('mpl_toolkits.basemap').distributions[0], 'basemap');
  });

  it('names namespace packages after their full path', () => {
    assert.deepEqual(ownerOfModule('google.cloud.storage.blob'), { module: 'google.cloud.storage', distributions: ['google-cloud-storage'], known: true });
    assert.equal(ownerOfModule('google.protobuf.message').distributions[0], 'protobuf');
    assert.deepEqual(ownerOfModule('azure.storage.blob').distributions, ['azure-storage-blob', 'azure-storage']);
  });

  it('guesses the module name for unknown modules', () => {
    assert.deepEqual(ownerOfModule('rootutils.x'), { module: 'rootutils', distributions: ['rootutils'], known: false });
  });
});

describe('isDeclaredBy', () => {
  const declared = (...names: string[]): ReadonlySet<string> => new Set(names);
  it('accepts any distribution of a module, packaging variants and conda prefixes', () => {
    assert.ok(isDeclaredBy(ownerOfModule('cv2'), declared('opencv-python-headless')));
    assert.ok(isDeclaredBy(ownerOfModule('faiss'), declared('faiss-gpu-cu12')));
    assert.ok(isDeclaredBy(ownerOfModule('cudf'), declared('cudf-cu11')));
    assert.ok(isDeclaredBy(ownerOfModule('xgboost'), declared('py-xgboost')));
    assert.ok(isDeclaredBy(ownerOfModule('dateutil'), declared('python-dateutil')));
    assert.ok(isDeclaredBy(ownerOfModule('serial'), declared('pyserial')));
    assert.ok(isDeclaredBy(ownerOfModule('tensorflow'), declared('tensorflow-cpu')));
  });

  it('does not take a transitive dependency for a declaration', () => {
    assert.ok(!isDeclaredBy(ownerOfModule('numpy'), declared('pandas')));
    assert.ok(!isDeclaredBy(ownerOfModule('yaml'), declared('pyaml')));
  });
});

describe('reverse lookups', () => {
  it('lists the modules a distribution provides', () => {
    assert.ok(modulesOfDistribution('scikit-learn').includes('sklearn'));
    assert.ok(modulesOfDistribution('Pillow').includes('PIL'));
    assert.ok(modulesOfDistribution('google-cloud-storage').includes('google.cloud.storage'));
    assert.ok(modulesOfDistribution('more-itertools').includes('more_itertools'));
  });

  it('strips packaging variants', () => {
    assert.ok(distributionBaseNames('onnxruntime-gpu').includes('onnxruntime'));
    assert.ok(distributionBaseNames('cupy-cuda12x').includes('cupy'));
  });

  it('translates conda names', () => {
    assert.equal(pypiNameOfConda('pytorch'), 'torch');
    assert.equal(pypiNameOfConda('py-xgboost'), 'xgboost');
    assert.equal(pypiNameOfConda('numpy'), 'numpy');
  });

  it('knows tools and engines that are used without an import', () => {
    for (const n of ['pytest-cov', 'types-requests', 'openpyxl', 'psycopg2-binary', 'jupyterlab', 'hydra-colorlog', 'gunicorn']) assert.ok(isUsedWithoutImport(n), n);
    for (const n of ['hydra-core', 'pandas', 'torch']) assert.ok(!isUsedWithoutImport(n), n);
  });

  it('knows what notebook hosts provide', () => {
    assert.ok(isEnvironmentModule('google.colab.files', false));
    assert.ok(isEnvironmentModule('IPython.display', true));
    assert.ok(!isEnvironmentModule('IPython.display', false));
  });
});
