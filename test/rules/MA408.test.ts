// MA408: The container wrote nothing to stdout/stderr — on the real engine.
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';

fixtureCases('MA408', [{ dir: 'ma408-silent', check: 'logs' }]);

docExamples('MA408');

noContainersAfter();
