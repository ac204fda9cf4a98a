import { describe, expect, it, vi } from 'vitest';
import { click, pageText, renderWithApp, waitFor } from '../../test/render';
import { RowActions } from './RowActions';

const buttonNamed = (text: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === text) ?? null;

describe('RowActions: edit, and delete or remove behind a confirmation', () => {
  it('deletes (删除) by default: asks “确定删除…”, runs the action on OK and says 已删除', async () => {
    const action = vi.fn(async () => ({ ok: true }));
    await renderWithApp(
      <RowActions onEdit={() => undefined} remove={{ name: '工作日历', action, invalidate: ['x'] }} />,
    );
    expect(buttonNamed('编辑')).not.toBeNull();
    await click(buttonNamed('删除'));
    await waitFor(() => expect(pageText()).toContain('确定删除“工作日历”吗？'));
    expect(action).not.toHaveBeenCalled();
    await click(document.querySelector('.ant-modal-confirm-btns .ant-btn-primary'));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(pageText()).toContain('已删除'));
  });

  it('removes (移除) a row from a list it belongs to: its own words, no edit button', async () => {
    const action = vi.fn(async () => ({ ok: true }));
    await renderWithApp(<RowActions remove={{ verb: 'remove', name: '张工', action, invalidate: ['x'] }} />);
    expect(buttonNamed('编辑')).toBeNull();
    expect(buttonNamed('删除')).toBeNull();
    await click(buttonNamed('移除'));
    await waitFor(() => expect(pageText()).toContain('确定移除“张工”吗？'));
    await click(document.querySelector('.ant-modal-confirm-btns .ant-btn-primary'));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(pageText()).toContain('已移除'));
  });

  it('shows nothing the caller may not do', async () => {
    await renderWithApp(<RowActions onEdit={false} remove={false} />);
    expect(document.querySelectorAll('button')).toHaveLength(0);
  });
});
