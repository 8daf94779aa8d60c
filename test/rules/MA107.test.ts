// MA107: A built-in engine declares more than one api or a url other than /.
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, img, tf } from '../core/config-helpers';

const TWO_APIS = { apis: [{ url: '/' }, { url: '/', method: 'get' }] };

ruleTester('MA107', {
  valid: [
    { name: 'close case: two apis on an Image model', files: configOnly(img(TWO_APIS)) },
    { name: 'close case: url /predict on an Image model', files: configOnly(img({ apis: [{ url: '/predict' }] })) },
  ],
  invalid: [
    { name: 'two apis', files: configOnly(tf(TWO_APIS)) },
    { name: 'url not /', files: configOnly(tf({ apis: [{ url: '/predict' }] })) },
  ],
});
