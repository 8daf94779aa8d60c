// MA105: model_algorithm breaks its format.
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, img } from '../core/config-helpers';

const algorithm = (model_algorithm: string) => configOnly(img({ model_algorithm }));

ruleTester('MA105', {
  valid: [
    { name: 'close case: first_model', files: algorithm('first_model') },
    { name: 'close case: a-b', files: algorithm('a-b') },
    { name: 'close case: 36 characters', files: algorithm('a'.repeat(36)) },
    { name: 'image_classification', files: algorithm('image_classification') },
  ],
  invalid: [
    { name: 'starts with a digit', files: algorithm('1st_model') },
    { name: 'banned character', files: algorithm('a=b') },
    { name: '37 characters', files: algorithm('a'.repeat(37)), message: /37 characters/ },
    { name: 'starts with _', files: algorithm('_x'), message: /start with an English letter/ },
    { name: 'Chinese characters', files: algorithm('a图像'), message: /Chinese/ },
    { name: 'a banned "<"', files: algorithm('a<b'), message: /"<"/ },
  ],
});
