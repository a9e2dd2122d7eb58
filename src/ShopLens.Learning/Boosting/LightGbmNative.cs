using System.Runtime.InteropServices;

namespace ShopLens.Learning.Boosting;

/// <summary>
/// The slice of LightGBM's C API (include/LightGBM/c_api.h, 4.x) the wrapper uses, over the native library in the
/// <c>LightGBM</c> NuGet package. Every call returns 0 or −1; <see cref="Check"/> turns −1 into an exception.
/// </summary>
static unsafe partial class LightGbmNative
{
    const string Library = "lib_lightgbm";

    public const int Float32 = 0;
    public const int Float64 = 1;
    public const int Int32 = 2;

    public const int PredictNormal = 0;
    public const int PredictRawScore = 1;
    public const int PredictContrib = 3;

    public const int ImportanceSplit = 0;
    public const int ImportanceGain = 1;

    /// <summary>
    /// LightGBM keeps its thread count in one process-wide variable that every call taking parameters sets, and some
    /// of its sums (the validation NDCG) are split among that many threads: a training holds this gate from its
    /// dataset to its model text, and every other call that sets the count holds it too, so that none changes a
    /// training's count halfway and the same seed gives the same model whatever else the process does.
    /// </summary>
    public static readonly Lock ThreadCountGate = new();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_DatasetCreateFromMat(float* data, int dataType, int rows, int columns, int rowMajor,
        string parameters, IntPtr reference, out IntPtr dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_DatasetSetField(IntPtr dataset, string field, void* data, int count, int type);

    [LibraryImport(Library)]
    public static partial int LGBM_DatasetFree(IntPtr dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterCreate(IntPtr train, string parameters, out IntPtr booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterAddValidData(IntPtr booster, IntPtr validation);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterUpdateOneIter(IntPtr booster, out int finished);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterRollbackOneIter(IntPtr booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetEval(IntPtr booster, int dataIndex, out int count, double* results);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetEvalCounts(IntPtr booster, out int count);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterFree(IntPtr booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterSaveModelToString(IntPtr booster, int startIteration, int iterations,
        int importanceType, long bufferLength, out long length, byte* text);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterLoadModelFromString(byte* text, out int iterations, out IntPtr booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterPredictForMat(IntPtr booster, float* data, int dataType, int rows, int columns,
        int rowMajor, int predictType, int startIteration, int iterations, string parameters, out long length, double* result);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterFeatureImportance(IntPtr booster, int iterations, int importanceType, double* result);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetNumFeature(IntPtr booster, out int features);

    [LibraryImport(Library)]
    public static partial IntPtr LGBM_GetLastError();

    /// <summary>Throws LightGBM's last error message when a call failed.</summary>
    public static void Check(int status)
    {
        if (status == 0) return;
        throw new InvalidOperationException("LightGBM: " + (Marshal.PtrToStringUTF8(LGBM_GetLastError()) ?? "unknown error"));
    }
}
