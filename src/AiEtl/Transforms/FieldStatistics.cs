using System.Numerics;

namespace AiEtl;

/// <summary>
/// The statistic of one field that an <see cref="ImputeRule"/> needs, gathered over the first pass: a running sum for
/// a mean, the values (or a fixed-seed uniform sample of them, so a rerun gets the same value) for a median, counts
/// for a mode.
/// </summary>
internal abstract class FieldStatistics
{
    public static FieldStatistics For(ImputeRule rule, Field field) => (rule.Method, field.Type) switch
    {
        (ImputeMethod.Mean or ImputeMethod.Median, FieldType.Float) => new NumberStatistics<double>(rule, field),
        (ImputeMethod.Mean or ImputeMethod.Median, FieldType.Integer or FieldType.Decimal) => new NumberStatistics<decimal>(rule, field),
        (ImputeMethod.Mean or ImputeMethod.Median, _) => throw new PipelineConfigurationException($"null_remover: impute {rule.Method.ToString().ToLowerInvariant()} needs a number, and field '{field.Name}' is {field.Type.ToString().ToLowerInvariant()}; use mode or constant"),
        (ImputeMethod.Mode, _) => new ModeStatistics(field),
        _ => new ConstantValue(rule, field),
    };

    public abstract void Observe(object value);

    /// <summary>The fill value, of the field's type, or <see langword="null"/> when the pass saw no value.</summary>
    public abstract object? Result();

    private sealed class NumberStatistics<TNumber>(ImputeRule rule, Field field) : FieldStatistics
        where TNumber : struct, INumber<TNumber>
    {
        private readonly List<TNumber> _values = [];
        private readonly Random _sampling = new(20240601);
        private TNumber _sum = TNumber.Zero;
        private long _count;

        public override void Observe(object value)
        {
            if (!FieldValues.TryConvert(field.Type, value, out var converted))
            {
                return;
            }

            TNumber number;
            switch (converted)
            {
                case long integer:
                    number = TNumber.CreateChecked(integer);
                    break;
                case decimal exact:
                    number = TNumber.CreateChecked(exact);
                    break;
                case double real when double.IsFinite(real):
                    number = TNumber.CreateChecked(real);
                    break;
                default:
                    return;
            }

            _count++;
            if (rule.Method == ImputeMethod.Mean)
            {
                _sum += number;
                return;
            }

            // Algorithm R: past the bound each new value replaces a random one with probability bound/count.
            if (_values.Count < ImputeRule.MaxExactValues)
            {
                _values.Add(number);
            }
            else if (_sampling.NextInt64(_count) is var slot && slot < ImputeRule.MaxExactValues)
            {
                _values[(int)slot] = number;
            }
        }

        public override object? Result()
        {
            if (_count == 0)
            {
                return null;
            }

            TNumber result;
            if (rule.Method == ImputeMethod.Mean)
            {
                result = _sum / TNumber.CreateChecked(_count);
            }
            else
            {
                _values.Sort();
                var middle = _values.Count / 2;
                result = _values.Count % 2 == 1 ? _values[middle] : (_values[middle - 1] + _values[middle]) / TNumber.CreateChecked(2);
            }

            return field.Type == FieldType.Integer
                ? (long)Math.Round(decimal.CreateChecked(result), MidpointRounding.ToEven)
                : result;
        }
    }

    private sealed class ModeStatistics(Field field) : FieldStatistics
    {
        private readonly Dictionary<object, long> _counts = [];
        private object? _mode;
        private long _top;

        public override void Observe(object value)
        {
            if (!FieldValues.TryConvert(field.Type, value, out var converted))
            {
                return;
            }

            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, converted, out var existed);
            if (!existed && _counts.Count > ImputeRule.MaxDistinctValues)
            {
                throw new PipelineConfigurationException($"null_remover: impute mode of '{field.Name}' counts more than {ImputeRule.MaxDistinctValues} distinct values, too many for a mode to mean much; use mean, median or a constant");
            }

            if (++count > _top)
            {
                _top = count;
                _mode = converted;
            }
        }

        public override object? Result() => _mode;
    }

    private sealed class ConstantValue : FieldStatistics
    {
        private readonly object _value;

        public ConstantValue(ImputeRule rule, Field field)
        {
            if (rule.Constant is null || !FieldValues.TryConvert(field.Type, rule.Constant, out var converted))
            {
                throw new PipelineConfigurationException($"null_remover: impute constant {(rule.Constant is null ? "has no value" : $"'{rule.Constant}' is not {FieldValues.Describe(field.Type)}")} for field '{field.Name}'");
            }

            _value = converted;
        }

        public override void Observe(object value)
        {
        }

        public override object? Result() => _value;
    }
}
