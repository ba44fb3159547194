import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, GaugeChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts chart that follows its option and its container's size; `label` says in words what it shows. */
export function EChart({ option, height = 220, testId, label }: { option: EChartsCoreOption; height?: number; testId?: string; label?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  useEffect(() => {
    if (!el.current) return undefined;
    chart.current = echarts.init(el.current);
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} role={label ? 'img' : undefined} aria-label={label} />;
}
