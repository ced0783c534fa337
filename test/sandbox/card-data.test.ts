// cardData of the repo info (huggingface_hub model_info().card_data): the README's flat front matter as JSON, on a
// real sandbox through @huggingface/hub, plus the reader's rules for what it leaves out.
import {createRepo, uploadFile} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {cardData} from '../../src/sandbox/hub/card-data.js';
import {useSandbox} from '../helpers/sandbox.js';

describe('card data', () => {
  it('reads scalars, quoted strings, numbers, booleans, flow and block lists, and skips nested mappings', () => {
    const readme = [
      '---',
      'license: apache-2.0  # the licence',
      'pipeline_tag: "text-classification"',
      "library_name: 'transformers'",
      'tags:',
      '- fidelity',
      '- "sandbox # not a comment"',
      'language: [en, fr]',
      'inference: false',
      'version: 2',
      'model-index:',
      '- name: x',
      '  results: []',
      'dataset_info:',
      '  features:',
      '  - name: text',
      'base_model:',
      '---',
      '# Title',
    ].join('\n');
    expect(cardData(readme)).toEqual({
      license: 'apache-2.0',
      pipeline_tag: 'text-classification',
      library_name: 'transformers',
      tags: ['fidelity', 'sandbox # not a comment'],
      language: ['en', 'fr'],
      inference: false,
      version: 2,
      base_model: null,
    });
    expect(cardData('# no metadata\n')).toBeUndefined();
  });

  const sb = useSandbox();
  it('is served as cardData with the card tags and license tag, after a README commit', async () => {
    const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
    const repo = {type: 'model' as const, name: `practice-user/card-${Date.now().toString(36)}`};
    await createRepo({...hub, repo});
    await uploadFile({
      ...hub,
      repo,
      file: {path: 'README.md', content: new Blob(['---\nlicense: mit\ntags:\n- demo\n---\n# Model\n'])},
    });
    const info = (await (
      await fetch(`${sb.current.url}/api/models/${repo.name}`, {headers: {Authorization: `Bearer ${hub.accessToken}`}})
    ).json()) as {cardData: unknown; tags: string[]};
    expect(info.cardData).toEqual({license: 'mit', tags: ['demo']});
    expect(info.tags).toEqual(['demo', 'license:mit']);
  });
});
