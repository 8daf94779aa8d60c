// MA409: Batch: run.sh, python, java or zip missing in the image — on the real engine.
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';

fixtureCases('MA409', [{ dir: 'ma409-batch', check: 'batch' }]);

docExamples('MA409');

noContainersAfter();
