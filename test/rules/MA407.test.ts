// MA407: An api answer does not match its declared response — on the real engine.
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';

fixtureCases('MA407', [{ dir: 'ma407-schema', check: 'api POST /predict' }]);

docExamples('MA407');

noContainersAfter();
