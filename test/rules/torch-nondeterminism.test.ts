// Tests of torch-nondeterminism: GPU training without deterministic kernels, and unseeded multi-worker loaders.
import rule from '../../src/engine/rules/reproducibility/torch-nondeterminism';
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'import torch\nfrom torch.utils.data import DataLoader\ndevice = "cuda"\n';
const LOOP = 'opt = torch.optim.Adam(model.parameters())\nloss.backward()\n';

ruleTester(rule, {
  valid: [
    { name: 'use_deterministic_algorithms', code: `${HEAD}torch.use_deterministic_algorithms(True)\n${LOOP}` },
    { name: 'cuDNN deterministic, benchmark left at its default', code: `${HEAD}torch.backends.cudnn.deterministic = True\n${LOOP}` },
    { name: 'cuDNN deterministic with benchmark explicitly off', code: `${HEAD}from torch.backends import cudnn\ncudnn.benchmark = False\ncudnn.deterministic = True\n${LOOP}` },
    { name: 'the flag set through setattr', code: `${HEAD}setattr(torch.backends.cudnn, "deterministic", True)\n${LOOP}` },
    { name: 'Lightning Trainer(deterministic=True)', code: 'import lightning as L\ntrainer = L.Trainer(max_epochs=3, deterministic=True)\ntrainer.fit(model, dm)\n' },
    { name: 'Lightning Trainer configured by **kwargs is not judged', code: 'import lightning as L\ntrainer = L.Trainer(**cfg.trainer)\ntrainer.fit(model, dm)\n' },
    { name: 'a helper with deterministic=True (accelerate, mmengine, the project)', code: `${HEAD}from accelerate.utils import set_seed\nset_seed(0, deterministic=True)\n${LOOP}` },
    { name: 'a project seeding helper from another module (such helpers usually set cuDNN too)', code: `${HEAD}from utils import set_seeds\nset_seeds(42)\n${LOOP}` },
    { name: 'transformers enable_full_determinism', code: 'import torch\nfrom transformers import Trainer, enable_full_determinism\nenable_full_determinism(42)\nTrainer(model=m, args=a).train()\n' },
    { name: 'a CPU-only loop says nothing of cuda or GPUs', code: `import torch\n${LOOP}` },
    { name: 'inference on GPU trains nothing', code: `${HEAD}model.eval()\nwith torch.no_grad():\n    out = model(x.to(device))\n` },
    { name: 'library module with backward is not an entrypoint', filename: 'pkg/engine.py', code: `${HEAD}def step(loss):\n    loss.backward()\n` },
    { name: 'a loader seeded through generator=', code: `${HEAD}torch.use_deterministic_algorithms(True)\ng = torch.Generator()\ndl = DataLoader(ds, shuffle=True, num_workers=4, generator=g)\n${LOOP}` },
    { name: 'a global torch seed reaches the sampler and the workers', code: `${HEAD}torch.use_deterministic_algorithms(True)\ntorch.manual_seed(0)\ndl = DataLoader(ds, shuffle=True, num_workers=4)\n${LOOP}` },
    { name: 'no workers: the main process draws the order', code: `${HEAD}torch.use_deterministic_algorithms(True)\ndl = DataLoader(ds, shuffle=True, num_workers=0)\n${LOOP}` },
  ],
  invalid: [
    {
      name: 'plain GPU loop',
      code: `${HEAD}model.to(device)\n${LOOP}`,
      errors: [{ messageId: 'nondeterministic', line: 5, column: 7 }],
    },
    {
      name: 'deterministic cuDNN undone by benchmark = True',
      code: `${HEAD}torch.backends.cudnn.deterministic = True\ntorch.backends.cudnn.benchmark = True\n${LOOP}`,
      errors: [{ messageId: 'nondeterministic', line: 6 }],
    },
    {
      name: 'use_deterministic_algorithms(False) is not a request for determinism',
      code: `${HEAD}torch.use_deterministic_algorithms(False)\n${LOOP}`,
      errors: [{ messageId: 'nondeterministic', line: 5 }],
    },
    {
      name: 'a seeding helper defined in the file is read, not assumed',
      code: `${HEAD}def seed_all(s):\n    torch.manual_seed(s)\n\nseed_all(0)\n${LOOP}`,
      errors: [{ messageId: 'nondeterministic', line: 8 }],
    },
    {
      name: 'Lightning Trainer without deterministic=',
      code: 'import lightning as L\ntrainer = L.Trainer(max_epochs=3, accelerator="gpu")\ntrainer.fit(model, dm)\n',
      errors: [{ messageId: 'nondeterministic', line: 2, column: 11 }],
    },
    {
      name: 'an unseeded shuffling loader with workers, in a deterministic script',
      code: `${HEAD}torch.use_deterministic_algorithms(True)\ndl = DataLoader(ds, batch_size=32, shuffle=True, num_workers=args.workers)\n${LOOP}`,
      errors: [{ messageId: 'loaderUnseeded', line: 5, column: 6 }],
    },
    {
      name: 'both: nothing deterministic, a RandomSampler across workers',
      code: `${HEAD}from torch.utils.data import RandomSampler\n${LOOP}dl = DataLoader(ds, sampler=RandomSampler(ds), num_workers=8)\n`,
      errors: [
        { messageId: 'nondeterministic', line: 5 },
        { messageId: 'loaderUnseeded', line: 7 },
      ],
    },
  ],
});

fixtureTest('torch-nondeterminism');
