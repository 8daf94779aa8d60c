// MA106: runtime set for an Image model or unknown for its engine.
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, img, json, tf } from '../core/config-helpers';

const UNIFIED_PYTORCH = 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64';
const engine = (model_type: string, runtime: string) => configOnly(json({ model_algorithm: 'a', model_type, runtime }));

ruleTester('MA106', {
  valid: [
    { name: 'close case: runtime on TensorFlow', files: configOnly(tf({ runtime: 'python3.6' })) },
    { name: 'close case: a unified TensorFlow runtime', files: configOnly(tf({ runtime: 'tensorflow_2.1.0-cuda_10.1-py_3.7-ubuntu_18.04-x86_64' })) },
    { name: 'a listed TensorFlow runtime', files: engine('TensorFlow', 'tf1.13-python3.6-gpu') },
    { name: 'a unified PyTorch runtime', files: engine('PyTorch', UNIFIED_PYTORCH) },
  ],
  invalid: [
    { name: 'runtime on Image', files: configOnly(img({ runtime: 'python3.6' })) },
    { name: 'unknown TensorFlow runtime', files: configOnly(tf({ runtime: 'python3.9' })) },
    { name: 'unknown XGBoost runtime', files: engine('XGBoost', 'python3.9'), message: /not a known runtime of XGBoost/ },
    { name: "another engine's unified runtime", files: engine('TensorFlow', UNIFIED_PYTORCH), message: /not a known runtime of TensorFlow/ },
  ],
});
