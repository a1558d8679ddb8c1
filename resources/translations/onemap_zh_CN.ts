<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>InfoCommand</name>
    <message>
        <source>CRS:         none — the file does not say where it is on Earth</source>
        <translation>坐标系:      无 — 文件未说明其地理位置</translation>
    </message>
    <message>
        <source>Suggested:   EPSG:%1 — %2</source>
        <translation>建议:        EPSG:%1 — %2</translation>
    </message>
    <message>
        <source>CRS:         (could not be described: %1)</source>
        <translation>坐标系:      (无法识别: %1)</translation>
    </message>
    <message>
        <source>CRS:         %1 %2</source>
        <translation>坐标系:      %1 %2</translation>
    </message>
    <message>
        <source>             %1</source>
        <translation>             %1</translation>
    </message>
    <message>
        <source>Axis order:  %1</source>
        <translation>轴序:        %1</translation>
    </message>
    <message>
        <source>GK zone:     %1° zone %2, central meridian %3°E, %4</source>
        <translation>高斯带:      %1°带 第%2带, 中央经线 %3°E, %4</translation>
    </message>
    <message>
        <source>easting with zone prefix</source>
        <translation>横坐标含带号</translation>
    </message>
    <message>
        <source>easting without zone prefix</source>
        <translation>横坐标不含带号</translation>
    </message>
    <message>
        <source>(unknown: no CRS)</source>
        <translation>(未知: 无坐标系)</translation>
    </message>
    <message>
        <source>Describe a raster or vector file: driver, CRS (EPSG, Chinese and English name, axis order), extent in the CRS and in lon/lat, pixel size, bands with roles and statistics, overviews; for vectors every layer with geometry type, feature count, fields, encoding, invalid geometries and polygon area in m² and mu (亩).</source>
        <translation>描述栅格或矢量文件: 驱动、坐标系 (EPSG、中英文名称、轴序)、坐标系下及经纬度范围、像元大小、波段及其角色和统计值、金字塔; 矢量文件列出每个图层的几何类型、要素数、字段、编码、无效几何数以及以平方米和亩计的面积。</translation>
    </message>
    <message>
        <source>Raster or vector file (or .gdb folder)</source>
        <translation>栅格或矢量文件 (或 .gdb 文件夹)</translation>
    </message>
    <message>
        <source>Print JSON instead of text</source>
        <translation>输出 JSON 而非文本</translation>
    </message>
    <message>
        <source>Describe only this vector layer</source>
        <translation>只描述该矢量图层</translation>
    </message>
    <message>
        <source>Attribute encoding of a Shapefile DBF (GB18030, GBK, UTF-8...); default: detect</source>
        <translation>Shapefile DBF 属性编码 (GB18030、GBK、UTF-8…); 默认自动检测</translation>
    </message>
    <message>
        <source>Skip band statistics</source>
        <translation>不计算波段统计值</translation>
    </message>
    <message>
        <source>Compute band statistics from every pixel (slow)</source>
        <translation>用全部像元计算波段统计值 (较慢)</translation>
    </message>
    <message>
        <source>CSV: column of X / longitude</source>
        <translation>CSV: X / 经度 列</translation>
    </message>
    <message>
        <source>CSV: column of Y / latitude</source>
        <translation>CSV: Y / 纬度 列</translation>
    </message>
    <message>
        <source>CSV: column of WKT geometry</source>
        <translation>CSV: WKT 几何列</translation>
    </message>
    <message>
        <source>CSV: CRS of the coordinates, e.g. EPSG:4490</source>
        <translation>CSV: 坐标所用坐标系, 如 EPSG:4490</translation>
    </message>
    <message>
        <source>onemap-cli info: %1 (see onemap-cli info --help)</source>
        <translation>onemap-cli info: %1 (参见 onemap-cli info --help)</translation>
    </message>
    <message>
        <source>onemap-cli info: give exactly one FILE (see onemap-cli info --help)</source>
        <translation>onemap-cli info: 请指定且只指定一个文件 (参见 onemap-cli info --help)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>File:        %1</source>
        <translation>文件:        %1</translation>
    </message>
    <message>
        <source>Driver:      %1 (%2)</source>
        <translation>驱动:        %1 (%2)</translation>
    </message>
    <message>
        <source>Raster:      %1 × %2 px, %3 band(s)</source>
        <translation>栅格:        %1 × %2 像元, %3 个波段</translation>
    </message>
    <message>
        <source>Extent:      %1</source>
        <translation>范围:        %1</translation>
    </message>
    <message>
        <source>Lon/lat:     %1</source>
        <translation>经纬度:      %1</translation>
    </message>
    <message>
        <source>Pixel size:  %1 × %2</source>
        <translation>像元大小:    %1 × %2</translation>
    </message>
    <message>
        <source>Pixel size:  (no georeferencing)</source>
        <translation>像元大小:    (无地理参考)</translation>
    </message>
    <message>
        <source>Blocks:      %1 × %2, compression %3</source>
        <translation>分块:        %1 × %2, 压缩 %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Overviews:   none</source>
        <translation>金字塔:      无</translation>
    </message>
    <message>
        <source>Overviews:   %1</source>
        <translation>金字塔:      %1</translation>
    </message>
    <message>
        <source>Bands:</source>
        <translation>波段:</translation>
    </message>
    <message>
        <source>  %1: %2  role %3 (from %4)</source>
        <translation>  %1: %2  角色 %3 (依据: %4)</translation>
    </message>
    <message>
        <source>no evidence</source>
        <translation>无依据</translation>
    </message>
    <message>
        <source>  "%1"</source>
        <translation>  "%1"</translation>
    </message>
    <message>
        <source>  nodata %1</source>
        <translation>  无效值 %1</translation>
    </message>
    <message>
        <source>       min %1  max %2  mean %3  std dev %4%5</source>
        <translation>       最小 %1  最大 %2  均值 %3  标准差 %4%5</translation>
    </message>
    <message>
        <source>  (approximate)</source>
        <translation>  (近似)</translation>
    </message>
    <message>
        <source>Warning:     %1</source>
        <translation>警告:        %1</translation>
    </message>
    <message>
        <source>Layers:      %1</source>
        <translation>图层数:      %1</translation>
    </message>
    <message>
        <source>Layer:       %1</source>
        <translation>图层:        %1</translation>
    </message>
    <message>
        <source>Geometry:    %1</source>
        <translation>几何类型:    %1</translation>
    </message>
    <message>
        <source>Features:    %1</source>
        <translation>要素数:      %1</translation>
    </message>
    <message>
        <source>Encoding:    %1 (%2)</source>
        <translation>编码:        %1 (%2)</translation>
    </message>
    <message>
        <source>Invalid geometries: %1, empty: %2</source>
        <translation>无效几何: %1, 空几何: %2</translation>
    </message>
    <message>
        <source>Polygon area: %1 m² = %2 mu (亩) = %3 ha, %4</source>
        <translation>面状面积: %1 平方米 = %2 亩 = %3 公顷, %4</translation>
    </message>
    <message>
        <source>Fields (%1):</source>
        <translation>字段 (%1):</translation>
    </message>
</context>
<context>
    <name>MakeSampleCommand</name>
    <message>
        <source>Generate the synthetic sample county: two dates of GF-1-like imagery, 三调 land use, permanent basic farmland, villages, truth change patches and distractors, thematic layers and a styled project. The same seed always gives the same data.</source>
        <translation>生成模拟示例县: 两期类高分一号影像、三调地类、永久基本农田、行政村、真实变化图斑与干扰变化、专题图层和已配置样式的工程。相同的种子总是生成相同的数据。</translation>
    </message>
    <message>
        <source>small (seconds, for tests) or county (20 000 × 20 000 px, for benchmarks)</source>
        <translation>small (数秒, 用于测试) 或 county (20 000 × 20 000 像元, 用于性能基准)</translation>
    </message>
    <message>
        <source>Random seed (a whole number)</source>
        <translation>随机种子 (整数)</translation>
    </message>
    <message>
        <source>Output folder (must not exist)</source>
        <translation>输出文件夹 (不得已存在)</translation>
    </message>
    <message>
        <source>Replace the output folder if it exists</source>
        <translation>输出文件夹已存在时替换它</translation>
    </message>
    <message>
        <source>Write vectors and the project only</source>
        <translation>只写出矢量和工程</translation>
    </message>
    <message>
        <source>Shift the second date by this many metres in x and y</source>
        <translation>将后时相在 x 和 y 方向各偏移该米数</translation>
    </message>
    <message>
        <source>Worker threads (0 = all cores)</source>
        <translation>工作线程数 (0 = 全部核心)</translation>
    </message>
    <message>
        <source>Print a JSON summary on stdout</source>
        <translation>在标准输出打印 JSON 摘要</translation>
    </message>
    <message>
        <source>Do not print progress</source>
        <translation>不打印进度</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: %1 (see --help)</source>
        <translation>onemap-cli make-sample: %1 (参见 --help)</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: --size must be small or county, not '%1'</source>
        <translation>onemap-cli make-sample: --size 必须为 small 或 county, 而不是 '%1'</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: --seed must be a whole number, not '%1'</source>
        <translation>onemap-cli make-sample: --seed 必须为整数, 而不是 '%1'</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: --misregistration must be a number of metres</source>
        <translation>onemap-cli make-sample: --misregistration 必须为米数</translation>
    </message>
    <message>
        <source>onemap-cli make-sample: --out DIR is required</source>
        <translation>onemap-cli make-sample: 必须指定 --out 文件夹</translation>
    </message>
    <message>
        <source>Sample county written to %1: %2 townships, %3 villages, %4 land-use polygons, %5 truth changes, %6 distractors</source>
        <translation>示例县已写出到 %1: %2 个乡镇, %3 个行政村, %4 个地类图斑, %5 个真实变化, %6 个干扰变化</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>onemap-cli</name>
    <message>
        <source>onemap-cli: error: %1</source>
        <translation>onemap-cli: 错误: %1</translation>
    </message>
    <message>
        <source>Describe a raster or vector file: CRS, extent, bands and roles, layers, fields, areas</source>
        <translation>描述栅格或矢量文件: 坐标系、范围、波段及角色、图层、字段、面积</translation>
    </message>
    <message>
        <source>Usage: onemap-cli COMMAND [OPTIONS] (onemap-cli COMMAND --help for its options)</source>
        <translation>用法: onemap-cli 命令 [选项] (onemap-cli 命令 --help 查看其选项)</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令:</translation>
    </message>
    <message>
        <source>onemap-cli: unknown command '%1'</source>
        <translation>onemap-cli: 未知命令 '%1'</translation>
    </message>
    <message>
        <source>Generate the synthetic sample county (imagery, land use, truth, thematic layers, project)</source>
        <translation>生成模拟示例县 (影像、地类、真值、专题图层、工程)</translation>
    </message>
</context>
<context>
    <name>onemap::gui::LayerListWidget</name>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
</context>
<context>
    <name>onemap::shell::MainWindow</name>
    <message>
        <source>OneMap Agri</source>
        <translation>农业农村一张图</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Scale 1:%L1</source>
        <translation>比例尺 1:%L1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开工程(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Add Layer…</source>
        <translation>添加图层(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存工程(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>工程另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Full Extent</source>
        <translation>缩放至全图(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About OneMap Agri</source>
        <translation>关于农业农村一张图(&amp;A)</translation>
    </message>
    <message>
        <source>About OneMap Agri</source>
        <translation>关于农业农村一张图</translation>
    </message>
    <message>
        <source>OneMap Agri (农业农村一张图) %1
Cropland monitoring for county offices.</source>
        <translation>农业农村一张图 (OneMap Agri) %1
面向县级部门的耕地监测。</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开工程</translation>
    </message>
    <message>
        <source>Cannot add the layer</source>
        <translation>无法添加图层</translation>
    </message>
    <message>
        <source>%1 — OneMap Agri</source>
        <translation>%1 — 农业农村一张图</translation>
    </message>
    <message>
        <source>Missing data files</source>
        <translation>数据文件缺失</translation>
    </message>
    <message>
        <source>These layers' files were not found; they are kept in the project but not drawn:
%1</source>
        <translation>未找到以下图层的数据文件; 这些图层保留在工程中但不会绘制:
%1</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开工程</translation>
    </message>
    <message>
        <source>OneMap projects (*.onemap)</source>
        <translation>一张图工程 (*.onemap)</translation>
    </message>
    <message>
        <source>Add Layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <source>Geodata (*.tif *.tiff *.vrt *.jp2 *.img *.gpkg *.shp *.geojson *.json *.kml *.csv *.gdb);;All files (*)</source>
        <translation>地理数据 (*.tif *.tiff *.vrt *.jp2 *.img *.gpkg *.shp *.geojson *.json *.kml *.csv *.gdb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存工程</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存工程</translation>
    </message>
    <message>
        <source>Project saved to %1</source>
        <translation>工程已保存到 %1</translation>
    </message>
    <message>
        <source>No CRS</source>
        <translation>无坐标系</translation>
    </message>
    <message>
        <source>X %1  Y %2</source>
        <translation>X %1  Y %2</translation>
    </message>
    <message>
        <source>%1°E  %2°N</source>
        <translation>%1°E  %2°N</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>图层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Map Tools</source>
        <translation>地图工具</translation>
    </message>
</context>
</TS>