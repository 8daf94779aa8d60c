// MA404: Nothing answers on port 8080 — on the real engine.
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';

fixtureCases('MA404', [{ dir: 'ma404-wrong-port', opts: { startTimeoutMs: 4000 }, check: 'start' }]);

docExamples('MA404');

noContainersAfter();
