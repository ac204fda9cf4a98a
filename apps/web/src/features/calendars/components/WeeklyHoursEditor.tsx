import { Button, Flex, Form, Input, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Working ranges per weekday (Monday first); several ranges make breaks (09:00–12:00, 13:00–18:00).
 * An empty day is a day off; `24:00` ends a day.
 */
export function WeeklyHoursEditor({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation('calendars');
  return (
    <Flex vertical gap={6}>
      {WEEKDAYS.map((d) => (
        <Flex key={d} gap={8} align="flex-start" wrap>
          <Typography.Text style={{ width: 48, paddingTop: 4 }}>{t(`weekdays.${d}`)}</Typography.Text>
          <Form.List name={['weekly', d]}>
            {(fields, { add, remove }) => (
              <Flex gap={6} wrap align="center" style={{ flex: 1 }}>
                {fields.length === 0 && (
                  <Typography.Text type="secondary" style={{ paddingTop: 4 }}>
                    {t('form.dayOff')}
                  </Typography.Text>
                )}
                {fields.map((f) => (
                  <Flex key={f.key} gap={4} align="center">
                    <Form.Item name={[f.name, 'start']} style={{ margin: 0 }}>
                      <Input
                        placeholder="09:00"
                        maxLength={5}
                        style={{ width: 72 }}
                        disabled={disabled}
                        aria-label={t('form.rangeStart', { day: t(`weekdays.${d}`) })}
                      />
                    </Form.Item>
                    <span>–</span>
                    <Form.Item name={[f.name, 'end']} style={{ margin: 0 }}>
                      <Input
                        placeholder="18:00"
                        maxLength={5}
                        style={{ width: 72 }}
                        disabled={disabled}
                        aria-label={t('form.rangeEnd', { day: t(`weekdays.${d}`) })}
                      />
                    </Form.Item>
                    {!disabled && (
                      <Button
                        type="text"
                        size="small"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('form.removeRange')}
                        onClick={() => remove(f.name)}
                      />
                    )}
                  </Flex>
                ))}
                {!disabled && (
                  <Button
                    size="small"
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ start: '', end: '' })}
                  >
                    {t('form.addRange')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        </Flex>
      ))}
    </Flex>
  );
}
