// MA402: The image is not linux/amd64 — on the real engine. This machine is amd64: an arm64 machine is played by
// base images relabelled linux/arm64 (engine-helpers' ensureArm64Base).
import { ensureArm64Base } from '../engine/engine-helpers';
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';

fixtureCases('MA402', [{ dir: 'ma402-arm64', check: 'platform', before: (engine) => ensureArm64Base(engine) }]);

// On an arm64 machine `FROM python:3.11-slim` resolves to the arm64 image; `FROM --platform=linux/amd64` does not.
docExamples('MA402', {
  prepare: async (engine, files) => {
    const arm64 = await ensureArm64Base(engine, 'python:3.11-slim', 'modelarts-kit-test/python-arm64:3.11-slim');
    return { ...files, Dockerfile: files.Dockerfile.replace(/^FROM python:3\.11-slim$/m, `FROM ${arm64}`) };
  },
});

noContainersAfter();
