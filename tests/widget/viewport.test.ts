import { afterEach, describe, expect, it } from 'vitest';
import { createViewport } from '../../src/widget/viewport.js';

type HappyWindow = Window & { happyDOM: { setViewport(v: { width: number; height: number }): void } };

function withVisualViewport(height: number, offsetTop: number) {
  const target = new EventTarget();
  Object.defineProperty(window, 'visualViewport', {
    configurable: true,
    value: Object.assign(target, { height, offsetTop }),
  });
}

describe('viewport', () => {
  afterEach(() => {
    Reflect.deleteProperty(window, 'visualViewport');
    document.body.style.overflow = '';
    document.documentElement.style.overflow = '';
  });

  it('on a phone, follows the visual viewport and locks the page, and puts the page back on stop', () => {
    (window as unknown as HappyWindow).happyDOM.setViewport({ width: 375, height: 667 });
    withVisualViewport(400.4, 12);
    document.body.style.overflow = 'scroll';
    const container = document.createElement('div');
    const viewport = createViewport(container);
    viewport.start();
    expect(viewport.modal.value).toBe(true);
    expect(container.style.getPropertyValue('--ac-vv-height')).toBe('400px');
    expect(container.style.getPropertyValue('--ac-vv-top')).toBe('12px');
    expect(document.body.style.overflow).toBe('hidden');
    viewport.stop();
    expect(document.body.style.overflow).toBe('scroll');
  });

  it('on a wide screen, neither reads the visual viewport nor touches the page', () => {
    (window as unknown as HappyWindow).happyDOM.setViewport({ width: 1280, height: 800 });
    withVisualViewport(800, 0);
    const container = document.createElement('div');
    const viewport = createViewport(container);
    viewport.start();
    expect(viewport.modal.value).toBe(false);
    expect(container.style.getPropertyValue('--ac-vv-height')).toBe('');
    expect(document.body.style.overflow).toBe('');
    viewport.stop();
  });
});
