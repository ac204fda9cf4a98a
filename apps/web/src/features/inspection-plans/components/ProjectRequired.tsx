import { Card, Empty, Flex, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ProjectSelect } from '../../tickets/components/pickers';

/** The project picker of a per-project page (plans, reports) when neither the URL nor the header names one. */
export function ProjectPicker({ label, value }: { label: string; value: string | null }) {
  const [sp, setSp] = useSearchParams();
  return (
    <div style={{ width: 280, maxWidth: '100%' }}>
      <ProjectSelect
        aria-label={label}
        placeholder={label}
        value={value}
        onChange={(v) => {
          const next = new URLSearchParams(sp);
          if (v) next.set('projectId', v);
          else next.delete('projectId');
          setSp(next);
        }}
      />
    </div>
  );
}

export function ChooseProject({ label }: { label: string }) {
  return (
    <Card>
      <Flex vertical align="center" gap={12}>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={<Typography.Text>{label}</Typography.Text>}
        />
        <ProjectPicker label={label} value={null} />
      </Flex>
    </Card>
  );
}
